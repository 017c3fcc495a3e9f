/// Work `update(_:_:)` asks the executable to do (I/O stays outside the pure core). Answers come
/// back as `Message`s. A plain value.
public enum Effect: Hashable, Sendable {
    /// Restore the terminal and exit.
    case quit
    /// Ring the terminal's bell (a notice arrived and the config asked for `bell: true`); like
    /// `quit`, the terminal's business, run by the runtime itself.
    case bell
    /// Put `text` on the terminal's clipboard (OSC 52, the `y` key); the terminal's business
    /// too. The text goes as it is: it reaches the clipboard, never the screen.
    case copy(text: String)
    /// Refresh everything now (the `r` key): rediscover keys, re-read all, skip the backoff.
    case refreshNow
    /// Poll soon without rediscovering (after a flip: re-read that toggle and its audit, never a
    /// keyspace walk).
    case pollSoon(toggle: String?)
    /// Compare-and-set the toggle: write `to` (in the toggle's own spelling) only if it still
    /// holds `expectedRaw`, the value the screen showed; audit with `reason`.
    /// Answered by `Message.flipFinished`.
    case flip(toggle: String, to: Bool, expectedRaw: String, reason: String?)
    /// A guarded flip (the dialog's `g`): compare-and-set like `flip`, then the dashboard watches
    /// the toggle's errors with `rule` for `duration` (as typed; the runner checks both) and
    /// flips back when it breaks, on a thread of its own. Answered by `Message.flipFinished`,
    /// `guardStarted`, `guardEnded` or `guardRefused`.
    case guardedFlip(toggle: String, to: Bool, expectedRaw: String, reason: String?, rule: String, duration: String)
    /// Quitting with guards running: hand each over to a detached `opsdeck` (`headless`) or
    /// cancel it (audited, not reverted). Answered by `Message.guardsReleased`.
    case releaseGuards(headless: Bool)
    /// Mark the toggle's running guard cancelled (audited with `reason`); the guard process ends
    /// without reverting. Answered by `Message.guardCancelFinished`.
    case cancelGuard(toggle: String, reason: String?)
    /// Count what the flip changes over the whole keyspace: turning on, the sessions that will
    /// get the toggle; turning off, those that lose it now. Answered by `Message.blastRadius`.
    case countBlastRadius(toggle: String, turningOn: Bool)
    /// Run an error search. Answered by `Message.searchFinished`; the poller then re-runs it
    /// whenever the error database changes (`DashboardSnapshot.refreshedSearch`).
    case search(query: String)
    /// The search was cleared: the poller stops re-running it.
    case searchCleared
    /// Read one toggle's detail: fields, reach, audit trail, recent errors. Answered by
    /// `Message.toggleDetailLoaded`.
    case loadToggleDetail(name: String)
    /// Read the open detail's errors again (count and newest page); answered by
    /// `Message.toggleDetailErrorsLoaded`.
    case refreshToggleDetailErrors(name: String)
    /// Read one session and evaluate every toggle for it. Answered by `Message.sessionDetailLoaded`.
    case loadSessionDetail(key: String)
    /// The time window for error groups and rates changed (seconds): re-read the window now.
    case setErrorWindow(Double)
    /// The absolute window (`:from`/`:to`) for error groups, rates and searches changed: re-read
    /// now (an unset range: back to the relative window).
    case setErrorRange(ErrorRange)
    /// Write the incident report for the window to a file; answered by `Message.incidentExported`.
    case exportIncident(window: Double, range: ErrorRange)
    /// The user's sessions filter, so the poller can narrow its scan ("" = no filter).
    case setSessionFilter(String)
    /// The person hid or showed a column (`:columns`): remember the choice for the next run.
    case saveColumns(ColumnChoice)
    /// Leave this context for the named one (`:ctx NAME`): the runtime resolves it as
    /// `--context NAME` would at start and rebuilds the whole feed; like `quit`, its business.
    case switchContext(name: String)
}
