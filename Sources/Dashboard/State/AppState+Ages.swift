import Foundation

/// How old what each pane shows is, for the status bar's "data …" and the panes' titles
/// (issue 23, bug 3: the bar said "data just now" while the error figures were 18 s old).
/// Pure reads of `AppState`; main queue.
extension AppState {
    /// A pane's data older than this says its own age in its title.
    public static let paneAgeShown: Double = 2

    /// Since the error figures (list, groups, per-toggle counts) were last known current.
    public var errorsAge: Double? { errors.checkedAt.map { max(0, now.timeIntervalSince($0)) } }

    /// The oldest data on screen: the poll's, or the error figures' where a visible pane shows
    /// them (the Errors pane, or the Toggles pane's error column). "just now" only when all are.
    public var screenDataAge: Double? {
        guard let poll = dataAge else { return nil }
        let panes = visiblePanes
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
