import Foundation

/// Everything that can happen to the dashboard: keys, time, the terminal's size and the
/// answers of the poller and of effects. Plain `Sendable` values, delivered on the main queue
/// to `update(_:_:)`.
public enum Message: Hashable, Sendable {
    case key(Key)
    /// A click or a wheel notch the terminal reported (see `MouseTarget`).
    case mouse(MouseEvent)
    /// The clock moved (sent a few times a second); the only way `now` advances without data.
    case tick(Date)
    case resized(width: Int, height: Int)
    /// A poll finished; `duration` in seconds.
    case pollSucceeded(DashboardSnapshot, duration: Double, at: Date)
    /// A poll failed; the poller retries in `retryIn` seconds. `error` is short (status bar);
    /// `advice` says what failed and what to do, for the panes that have nothing to show yet.
    /// `panes`: the panes whose database failed, when they read different ones (nil: all).
    case pollFailed(error: String, retryIn: Double, at: Date, advice: String? = nil, panes: Set<Pane>? = nil)
    case flipFinished(FlipOutcome)
    /// The answer to `Effect.cancelGuard`: nil when marked, else why not (no running guard, error).
    case guardCancelFinished(toggle: String, error: String?)
    /// A guard this dashboard runs is watching `toggle` until `ends` with `rule`.
    case guardStarted(toggle: String, rule: String, ends: Date)
    /// That guard ended; `summary` says how (`alarm`: it reverted or could not).
    case guardEnded(toggle: String, summary: String, alarm: Bool)
    /// A running guard of this dashboard could not count or refresh (it keeps watching): said,
    /// so a failed count never passes for "no errors".
    case guardWarning(toggle: String, text: String)
    /// The guarded flip was not started (a bad rule or duration, another guard holds the toggle).
    case guardRefused(toggle: String, problem: String)
    /// The answer to `Effect.releaseGuards`: empty when every guard was handed over or
    /// cancelled (the dashboard quits), else what went wrong (it stays open).
    case guardsReleased(problems: [String])
    /// What the flip being confirmed changes: `reached` sessions get the toggle (turning on) or
    /// lose it (turning off), of `total`; `rule` says who it is for ("everyone (no override)").
    case blastRadius(toggle: String, reached: Int, total: Int, rule: String?)
    /// The count failed: the dialog says so instead of a number.
    case blastRadiusFailed(toggle: String, error: String)
    case searchFinished(SearchOutcome)
    case sessionDetailLoaded(SessionDetailOutcome)
    /// The answer to `Effect.loadToggleDetail`: the detail, or why it could not be read.
    case toggleDetailLoaded(ToggleDetailState)
    /// The answer to `Effect.refreshToggleDetailErrors`.
    case toggleDetailErrorsLoaded(name: String, ToggleDetailErrors)
    /// The incident report was written (`path`) or could not be (`error`).
    case incidentExported(path: String?, error: String?)
}
