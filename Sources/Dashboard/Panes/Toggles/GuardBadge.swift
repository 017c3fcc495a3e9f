import Foundation

/// A guarded flip on a toggle as the Toggles pane shows it (docs/guarded-flips.md): running with
/// its progress, ended, or lost (its record expired before the guard ended: nobody watches any
/// more). A plain value built by the feed; the time left is computed when drawn.
public struct GuardBadge: Hashable, Sendable {
    public enum State: Hashable, Sendable {
        case running
        case ended(String)
        case lost
    }

    public var state: State
    public var ends: Date
    /// `3/20`, the rule and the figures in words, who started it; empty when lost.
    public var progress: String
    public var rule: String
    public var figures: String
    public var actor: String

    public init(state: State, ends: Date, progress: String = "", rule: String = "", figures: String = "", actor: String = "") {
        self.state = state
        self.ends = ends
        self.progress = progress
        self.rule = rule
        self.figures = figures
        self.actor = actor
    }

    /// `guarded · 12m left · 3/20`, `guard ended: reverted`, `guard lost`.
    public func text(now: Date) -> String {
        switch state {
        case .running:
            let left = max(0, ends.timeIntervalSince(now))
            let minutes = Int((left / 60).rounded(.up))
            if left > 0 { ClockHorizon.note(left - Double(minutes - 1) * 60) }
            return "guarded · \(minutes)m left · " + SafeText.line(progress, width: 12)
        case .ended(let how): return "guard ended: " + SafeText.line(how, width: 14)
        case .lost: return "guard lost"
        }
    }

    /// The detail's line: the status, then the rule, figures and who.
    public func detail(now: Date) -> String {
        if state == .lost { return "guard lost: its record expired before the guard ended; nobody is watching this toggle" }
        return text(now: now) + " · " + SafeText.line(rule, width: 60) + " · " + SafeText.line(figures, width: 80)
            + " · by " + SafeText.line(actor, width: 40)
    }
}
