import Dashboard
import Foundation
import Operations
import RedisClient

extension TogglesFeed {
    /// The guarded flips to show on the rows, by toggle key: one ZRANGEBYSCORE of the guard
    /// registry per poll, plus one HGETALL per listed guard (`GuardStore.active`). A failed read
    /// keeps the badges last shown: an error is not "no guards".
    func guardBadges(_ context: FeedContext) -> [RedisKey: GuardBadge] {
        guard
            let listed = try? context.permissions.run(
                .toggles,
                { () throws(OperationsError) in
                    try GuardStore.active(context.env)
                })
        else { return guardsShown }
        var badges: [RedisKey: GuardBadge] = [:]
        for guarded in listed {
            guard let record = guarded.record else {
                badges[guarded.toggleKey] = GuardBadge(state: .lost, ends: guarded.ends)
                continue
            }
            badges[guarded.toggleKey] = GuardBadge(
                state: record.isRunning ? .running : .ended(record.state), ends: guarded.ends, progress: record.progress,
                rule: record.rule, figures: record.figures, actor: record.actor)
        }
        return badges
    }
}
