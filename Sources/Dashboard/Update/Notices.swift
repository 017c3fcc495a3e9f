import Foundation

/// Transient notices in the status line for what happened elsewhere: a failover here, and
/// what the panes' parts report (a toggle flipped by someone else, an error group spiking).
/// Pure; main queue; called by `applyPoll`.
extension AppState {
    /// The deployment's events (a failover first: what the screen shows now comes from
    /// another server), as notices.
    mutating func noticeDeployment(_ snapshot: DashboardSnapshot, at: Date) -> [String] {
        if snapshot.deploymentEvents.contains(where: { $0.hasPrefix("failover") }) { lastFailover = at }
        return snapshot.deploymentEvents.prefix(2).map { SafeText.line($0, width: 100) }
    }

    /// Says `notes` in the status line; returns whether there was anything to say.
    mutating func say(_ notes: [String]) -> Bool {
        guard !notes.isEmpty else { return false }
        say(notes.joined(separator: " · "), error: true, seconds: 8)
        return true
    }
}
