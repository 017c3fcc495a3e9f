import Foundation

/// The whole state of the dashboard: one value, owned by the main queue, changed only by
/// `update(_:_:)` and read by `render(_:theme:into:)`. Nothing in it does I/O or reads the clock:
/// time comes in with messages (`tick`, `pollSucceeded`...), so tests can fix it.
public struct AppState: Hashable, Sendable {
    // MARK: Screen
    public var width: Int
    public var height: Int
    public var focus: Pane = .toggles
    public var helpVisible = false
    public var helpScroll = 0
    /// E-mail addresses and phone numbers in session views are masked until `m`.
    public var masked = true
    public var flash: FlashMessage?
    public var dialog: FlipDialog?
    /// Asked on quitting while this dashboard runs guards (`QuitPrompt`).
    public var quitPrompt: QuitPrompt?
    /// The guards this dashboard runs (started from its flip dialog), by toggle name.
    public var ownGuards: [String: OwnGuard] = [:]
    /// What the flip dialog proposes when a guard is added (the config's `guard:`).
    public var guardDefaultRule = "errors > 20 in 5m"
    public var guardDefaultFor = "15m"
    /// The `:` command line (`CommandLineState`).
    public var commandLine = CommandLineState()
    /// Places left by jumps, for back and forward (`JumpHistory`).
    public var jumps = JumpHistory()
    /// The columns hidden per table (`:columns`), loaded from and saved to the state directory.
    public var columnChoice = ColumnChoice()

    // MARK: Panes
    /// Each pane's own state; each pane's folder declares its accessor (`toggles`, `logs`...).
    public var paneStates = PaneStates()

    // MARK: Connection and freshness
    /// One entry per database when the panes read different ones (`AppState+Links`); empty
    /// when one database feeds every pane.
    public var links: [LinkState] = []
    public var connection: ConnectionState = .connecting
    /// What the last failed poll said went wrong and what to do, until a poll succeeds.
    public var connectionProblem: String?
    public var server: ServerInfo?
    /// When the last poll succeeded (the age of what is on screen).
    public var lastPollAt: Date?
    /// When a pane's data arrived in a part of a poll still under way (`DashboardSnapshot.covers`):
    /// on a large keyspace the toggles show a second before the poll ends, and only they may
    /// count as polled until it does (`lastPoll(of:)`).
    public var earlyDataAt: [Pane: Date] = [:]
    /// Seconds the last successful poll took.
    public var lastPollDuration: Double?
    public var commandsPerSecond: Double?
    /// The rate the status bar shows, and since when (`AppState+Rate`: it moves on a steady
    /// cadence, not with every poll).
    public internal(set) var shownRate: Double?
    var shownRateSince: Date?
    /// How changes reach the screen: "live" (the server's invalidations) or "polling (why)".
    public var updateMode: String?
    /// When the deployment last failed over (a poll reported it): the status bar says so for
    /// `failoverShown` seconds, since everything on screen since comes from another server.
    public var lastFailover: Date?
    public static let failoverShown: Double = 600
    /// Panes off screen that received something worth a look (new errors, a toggle changed by
    /// someone else, an error in the logs) since they were last on screen: their tab says so.
    public var unseen: Set<Pane> = []
    /// Parts of the data the server's ACL refuses, with what they need (shown in their place).
    public var notPermitted: [DataPart: String] = [:]
    /// The poll interval in seconds; data older than three intervals is marked stale.
    public var pollInterval: Double

    // MARK: Environment
    /// The latest time seen in a message; the view's idea of "now".
    public var now: Date
    /// Zone for clock times on screen (UTC in tests).
    public var timeZone: TimeZone
    public var keymap: Keymap
    /// Who the audit trail will name for flips made here (`--as`, else `$USER@host`).
    public var actor: String?

    /// - Parameters:
    ///   - server: what is known before the first poll (endpoint, context, read-only, production).
    ///   - logCapacity: how many log entries the tail keeps.
    public init(
        now: Date, width: Int = 80, height: Int = 24, server: ServerInfo? = nil,
        pollInterval: Double = 1, timeZone: TimeZone = .current, logCapacity: Int = 5_000,
        keymap: Keymap = .standard
    ) {
        self.now = now
        self.width = width
        self.height = height
        self.server = server
        self.pollInterval = pollInterval
        self.timeZone = timeZone
        self.keymap = keymap
        self.logs = LogsState(capacity: logCapacity)
    }

    public var layoutMode: LayoutMode { LayoutMode(width: width, height: height) }

    /// The panes on screen at the current size and focus.
    public var visiblePanes: Set<Pane> { Set(ScreenLayout(width: width, height: height, focus: focus).panes.keys) }

    /// Read-only by configuration (never dropped by a poll), or while the server is a replica.
    public var readOnly: Bool { (server?.readOnly ?? false) || server?.replica != nil }
    public var production: Bool { server?.production ?? false }
    /// Flips need a reason: configured per context, by default in production.
    public var requireReason: Bool { server?.requireReason ?? production }
    /// Ring the terminal's bell with a notice (a toggle flipped elsewhere, errors spiking, a
    /// failover): the config's `bell: true`. Off by default: a shared terminal stays quiet.
    public var bellOnNotices = false
    /// `y` copies to the terminal's clipboard with OSC 52: the config's `copy: osc52` (default);
    /// `copy: off` for terminals that refuse it (then `y` says so instead).
    public var copyEnabled = true

    /// Seconds since the last good poll, nil before the first.
    public var dataAge: Double? { lastPollAt.map { max(0, now.timeIntervalSince($0)) } }

    /// The data on screen is not current: the connection is down, or no poll succeeded for
    /// three intervals (a stalled server looks like this before any error arrives).
    public var isStale: Bool {
        guard let age = dataAge else { return false }
        if case .reconnecting = connection { return true }
        return age > 3 * pollInterval
    }

    /// True while keys go to a text field (so printable keys are text, not commands).
    public var isEditingText: Bool {
        if commandLine.isOpen { return true }
        if let dialog { return dialog.field != .none && dialog.phase == .asking }
        return focus.behavior.isEditingText(self)
    }

    /// Shows `text` in the hint row for a few seconds.
    public mutating func say(_ text: String, error: Bool = false, seconds: Double = 4) {
        flash = FlashMessage(text: text, isError: error, expires: now.addingTimeInterval(seconds))
    }
}
