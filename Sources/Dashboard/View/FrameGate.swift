import Foundation

/// Decides whether the dashboard draws a new frame (issue 28: an idle dashboard costs what a
/// terminal clock costs). A frame is drawn when a message may have changed what is shown (a
/// key, a size, an answer, a poll that brought something), when the status bar's text changed
/// (its ages, its rate, a countdown: compared as text, it is one line, once a second of the
/// clock), or when the clock reached the horizon the last frame noted (`ClockHorizon`: the
/// first age or expiry on screen that reads differently by then). Otherwise nothing is
/// rendered and nothing is written.
///
/// Pure value: no clock of its own (it reads `state.now`), no terminal. Owned by the runtime on
/// the main queue.
public struct FrameGate: Sendable {
    /// A frame at least this often, whatever the horizon says: a safety belt for a
    /// clock-dependent text that noted nothing (it would then be at most this late).
    public static let longestWait: Double = 30
    /// The shortest time between a frame and the next one the clock alone asks for.
    public static let clockFrameSpacing: Double = 1

    private var dirty = true
    private var drawnAt: Date?
    private var validFor: Double = 0
    private var statusBar: StatusBar?
    private var errorsAge: String?

    public init() {}

    /// Takes in a message before `update` applies it to `state`.
    public mutating func note(_ message: Message, before state: AppState) {
        if !Self.isQuiet(message, state: state) { dirty = true }
    }

    /// Why a frame is due, for counting frames by their cause (benchmark 6a).
    public enum Reason: String, Sendable, CaseIterable {
        /// None drawn yet, or a message that may change any cell.
        case changed
        /// The clock reached the last frame's horizon (or `longestWait`, or went back).
        case clock
        /// The status bar reads differently.
        case statusBar
        /// The error figures' age reads differently.
        case errorsAge
    }

    /// Whether `state` (after its messages) needs a new frame.
    public func needsFrame(_ state: AppState, theme: Theme) -> Bool { reason(state, theme: theme) != nil }

    /// Why `state` needs a new frame; nil when the last frame still shows it.
    public func reason(_ state: AppState, theme: Theme) -> Reason? {
        guard !dirty, let drawnAt, let statusBar else { return .changed }
        let since = state.now.timeIntervalSince(drawnAt)
        if since < 0 || since >= Self.longestWait { return .clock }
        // A frame for the clock alone comes a second after the last frame at the soonest: with
        // live activity the data's frames come at the polls' phase and the countdowns' at the
        // clock's whole seconds, two renders a second (benchmark 6a, 1.27% of a core); waiting
        // lets the next data frame carry the countdown. An age or TTL is then at most a second
        // late, the precision they are read with.
        if since >= validFor { return since >= Self.clockFrameSpacing ? .clock : nil }
        // The status bar's figures and ages are read once a second of the clock, at its first
        // instant: they then share the frame of every countdown that moves on the same whole
        // second (`Formatting.ttl`), instead of a frame each a fraction of a second apart.
        guard state.now.timeIntervalSince1970.rounded(.down) > drawnAt.timeIntervalSince1970.rounded(.down) else { return nil }
        if Self.errorsAge(state) != errorsAge { return .errorsAge }
        return Self.text(ClockHorizon.ignoring { StatusLine.bar(state, theme: theme) }) != Self.text(statusBar) ? .statusBar : nil
    }

    /// Records the frame just drawn from `state`; `validFor` is its `ClockHorizon.measure`.
    public mutating func drew(_ state: AppState, theme: Theme, validFor seconds: Double) {
        dirty = false
        drawnAt = state.now
        validFor = seconds
        statusBar = ClockHorizon.ignoring { StatusLine.bar(state, theme: theme) }
        errorsAge = Self.errorsAge(state)
    }

    /// Records a frame that drew the status bar alone (`renderStatusBar`, for `.statusBar`): the
    /// rest of the screen, and when its clock-dependent text next changes, stay the last frame's.
    public mutating func drewStatusBar(_ state: AppState, theme: Theme) {
        statusBar = ClockHorizon.ignoring { StatusLine.bar(state, theme: theme) }
    }

    /// The error figures' age as the panes say it ("current" under `paneAgeShown`, else
    /// "as of 12s ago"): polls move it back, so it is compared, not left to the horizon.
    static func errorsAge(_ state: AppState) -> String? {
        state.errorsAge.map { $0 < AppState.paneAgeShown ? "current" : Formatting.fixedAge($0) }
    }

    /// What the status bar shows (text and styles), for comparing two bars.
    private static func text(_ bar: StatusBar) -> [Span] { bar.left + [Span("│")] + bar.right }

    /// A tick changes only the clock (its effect on the screen is the horizon's and the status
    /// bar's business); a poll that brought no part and nothing for the whole dashboard changes
    /// only the status bar's figures. Anything else may change any cell.
    static func isQuiet(_ message: Message, state: AppState) -> Bool {
        switch message {
        case .tick:
            return true
        case .pollSucceeded(let snapshot, _, _):
            guard snapshot.changesNothingShown(in: state), !state.isSplit, state.connection == .connected else { return false }
            guard let topology = snapshot.topology else { return true }
            return (topology.isEmpty ? state.server?.replica : topology) == state.server?.topology
        default:
            return false
        }
    }
}

extension DashboardSnapshot {
    /// Nothing any pane shows changes and nothing for the whole dashboard but its figures (the
    /// rate, the deployment's unchanged shape, the data's age): a routine poll while the
    /// server's invalidations say nothing changed, a walk that found nothing new, the server
    /// line read again (every 10 s) and found the same.
    public func changesNothingShown(in state: AppState) -> Bool {
        (server.map { state.merging($0) == state.server } ?? true) && deploymentEvents.isEmpty && notPermitted == nil && updateMode == nil
            && covers == nil && panes == nil
            && parts.values.allSatisfy { $0.base.changesNothingShown(in: state) }
    }
}
