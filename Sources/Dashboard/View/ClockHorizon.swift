import Foundation

/// How long the clock-dependent text of one frame stays what it is: every age, countdown and
/// expiry the view shows notes here, while a frame is rendered, how many seconds remain until
/// its text would change (`5s ago` → `6s ago`, a flash ending, `12m left` → `11m left`). The
/// runtime then draws again only when the state changed or this horizon has passed (issue 28:
/// an idle dashboard draws nothing when nothing changed, and every shown figure stays true).
///
/// Threading: a render runs on one thread; the horizon is bound to that render with a task-local
/// value (`measure`), so renders elsewhere (tests, the CLI) note into nothing and cost nothing.
public final class ClockHorizon: @unchecked Sendable {
    @TaskLocal static var current: ClockHorizon?

    /// Seconds until the first clock-dependent text of the frame changes (infinity: none).
    public private(set) var seconds = Double.infinity

    init() {}

    /// Notes that something on screen changes in `seconds` (a past instant counts as now).
    static func note(_ seconds: Double) {
        guard let horizon = current else { return }
        horizon.seconds = min(horizon.seconds, max(0, seconds))
    }

    /// Runs `body` (a render) and returns how long what it drew stays true as the clock moves.
    public static func measure(_ body: () -> Void) -> Double {
        let horizon = ClockHorizon()
        $current.withValue(horizon) { body() }
        return horizon.seconds
    }

    /// Runs `body` without noting: for text the caller compares itself (the status bar).
    static func ignoring<T>(_ body: () -> T) -> T { $current.withValue(nil) { body() } }

    /// Seconds until `Formatting.age(seconds)` reads differently (its unit's next step).
    static func untilAgeChanges(_ seconds: Double) -> Double {
        let s = max(0, seconds)
        let unit: Double = s < 60 ? 1 : s < 3_600 ? 60 : s < 86_400 ? 3_600 : 86_400
        return (s / unit).rounded(.down) * unit + unit - s
    }
}
