import Foundation

/// Transient notices in the status line for what happened elsewhere: a toggle flipped by
/// someone else, an error group spiking. Pure; main queue; called by `applyPoll` before the
/// poll's groups replace the old ones.
extension AppState {
    /// A group spikes when it gains at least this many errors in one poll and at least doubles.
    static let spikeMinimum = 10

    /// Says what happened elsewhere in the status line; returns whether anything was noticed.
    mutating func noticeChanges(_ snapshot: DashboardSnapshot, at: Date) -> Bool {
        // A failover first: what the screen shows now comes from another server.
        var notes: [String] = snapshot.deploymentEvents.prefix(2).map { SafeText.line($0, width: 100) }
        if snapshot.deploymentEvents.contains(where: { $0.hasPrefix("failover") }) { lastFailover = at }
        let flipped = toggles.changedAt.filter { $0.value == at }.keys.sorted()
        for name in flipped.prefix(3) {
            let state = toggles.rows.first { $0.name == name }?.stateText ?? "?"
            notes.append("\(SafeText.line(name, width: 40)) flipped elsewhere: now \(state)")
        }
        if let new = snapshot.errorGroups, let old = errors.groups {
            let before = Dictionary(old.map { ($0.id, $0.count) }, uniquingKeysWith: { a, _ in a })
            for group in new {
                let was = before[group.id] ?? 0
                guard group.count - was >= Self.spikeMinimum, group.count >= 2 * was else { continue }
                notes.append("errors spiking: \(SafeText.line(group.toggleName, width: 30)) "
                    + "\(SafeText.line(group.exception, width: 50)) +\(Formatting.count(group.count - was))")
                break
            }
        }
        guard !notes.isEmpty else { return false }
        say(notes.joined(separator: " · "), error: true, seconds: 8)
        return true
    }
}
