import Foundation

/// Per-pane connection state. With one database (`links` empty) every pane shares the
/// dashboard's `connection`, as before; with several, each pane asks its own link, and the
/// dashboard-wide fields (`connection`, `lastPollAt`, `connectionProblem`) hold the worst of
/// them: the status bar's STALE and age then never look better than the worst pane.
extension AppState {
    /// True when the panes read more than one database.
    public var isSplit: Bool { links.count > 1 }

    /// The link feeding `pane`, when the panes read different databases.
    public func link(of pane: Pane) -> LinkState? {
        isSplit ? links.first { $0.panes.contains(pane) } : nil
    }

    public func connection(of pane: Pane) -> ConnectionState { link(of: pane)?.connection ?? connection }

    public func connectionProblem(of pane: Pane) -> String? { isSplit ? link(of: pane)?.problem : connectionProblem }

    /// When `pane`'s data last arrived (nil before its first poll, or its part of it).
    public func lastPoll(of pane: Pane) -> Date? {
        let whole = isSplit ? link(of: pane)?.lastPollAt : lastPollAt
        return [whole, earlyDataAt[pane]].compactMap { $0 }.max()
    }

    /// `pane`'s data is not current: its database is unreachable, or silent for three intervals.
    public func isStale(_ pane: Pane) -> Bool {
        guard let last = lastPoll(of: pane) else { return false }
        if case .reconnecting = connection(of: pane) { return true }
        let age = now.timeIntervalSince(last)
        if age <= 3 * pollInterval { ClockHorizon.note(3 * pollInterval - age) }
        return age > 3 * pollInterval
    }

    /// Index of the link a poll result for `panes` belongs to (nil: one database for all).
    func linkIndex(_ panes: Set<Pane>?) -> Int? {
        guard isSplit, let panes else { return nil }
        return links.firstIndex { !$0.panes.isDisjoint(with: panes) }
    }

    /// A poll of one of several databases succeeded: its link is up; the dashboard-wide fields
    /// are recomputed from all links.
    mutating func linkSucceeded(_ index: Int, _ snapshot: DashboardSnapshot, at: Date) {
        if case .reconnecting = links[index].connection {
            say("Reconnected: " + links[index].panes.sorted { $0.rawValue < $1.rawValue }.map(\.title).joined(separator: ", "))
        }
        links[index].connection = .connected
        links[index].problem = nil
        if snapshot.covers == nil { links[index].lastPollAt = at }
        if let cps = snapshot.commandsPerSecond { links[index].commandsPerSecond = cps }
        if let mode = snapshot.updateMode { links[index].updateMode = mode }
        if let denied = snapshot.notPermitted { links[index].notPermitted = denied }
        aggregateLinks()
    }

    mutating func linkFailed(_ index: Int, error: String, advice: String?, retryAt: Date) {
        links[index].connection = .reconnecting(error: error, retryAt: retryAt)
        links[index].problem = advice ?? error
        aggregateLinks()
    }

    /// The worst link's state as the dashboard's: a failing one first, then one still
    /// connecting; the oldest data's time.
    private mutating func aggregateLinks() {
        if let failing = links.first(where: { if case .reconnecting = $0.connection { true } else { false } }) {
            connection = failing.connection
            connectionProblem = failing.problem
        } else {
            connection = links.contains { $0.connection == .connecting } ? .connecting : .connected
            connectionProblem = nil
        }
        lastPollAt = links.compactMap(\.lastPollAt).min()
        let rates = links.compactMap(\.commandsPerSecond)
        commandsPerSecond = rates.isEmpty ? nil : rates.reduce(0, +)
        notPermitted = links.reduce(into: [:]) { all, link in all.merge(link.notPermitted) { first, _ in first } }
    }
}
