import Foundation

/// How old what each pane shows is, for the status bar's "data …" and the panes' titles
/// (issue 23, bug 3: the bar said "data just now" while the error figures were 18 s old).
/// Pure reads of `AppState`; main queue.
extension AppState {
    /// A pane's data older than this says its own age in its title.
    public static let paneAgeShown: Double = 2

    /// Since the error figures (list, groups, per-toggle counts) were last known current.
    public var errorsAge: Double? { errors.checkedAt.map { max(0, now.timeIntervalSince($0)) } }

    /// The oldest data on screen: each visible pane's (the poll's; split, its database's), and
    /// the error figures' where a visible pane shows them (the Errors pane, or the Toggles pane's
    /// error column). "just now" only when all are. Split databases poll apart, so a slow error
    /// database leaves the toggles current while the error figures lag (issue 23, bug 3).
    public var screenDataAge: Double? {
        let panes = visiblePanes
        let poll: Double?
        if isSplit {
            // Panes whose database has not answered yet claim nothing; the newest link stands
            // in until one has.
            let shown = panes.compactMap { lastPoll(of: $0) }.min() ?? links.compactMap(\.lastPollAt).max()
            poll = shown.map { max(0, now.timeIntervalSince($0)) }
        } else {
            poll = dataAge
        }
        guard let poll else { return nil }
        let showsErrors = panes.contains(.errors) || (panes.contains(.toggles) && toggles.ratesLoaded)
        guard showsErrors, let errors = errorsAge else { return poll }
        return max(poll, errors)
    }

    /// `as of 12s ago` when the error figures are older than `paneAgeShown`, else nil.
    public var errorsAgeNote: String? {
        // Polls move this age back: `FrameGate` compares it as text instead of noting when it
        // crosses `paneAgeShown` (the note would come due after every poll).
        guard let age = errorsAge, age >= Self.paneAgeShown else { return nil }
        return "as of " + Formatting.age(age) + " ago"
    }
}
