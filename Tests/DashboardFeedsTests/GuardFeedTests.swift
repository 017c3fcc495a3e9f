import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// The Toggles feed shows guarded flips from the guard registry (docs/guarded-flips.md): a
/// running guard with its progress, and a guard whose process died (its record not refreshed, so
/// expired) as lost within the record's TTL. Real server; the guard's writes are `GuardStore`'s.
@Suite struct GuardFeedTests {
    @Test func aGuardThatStopsRefreshingShowsAsLost() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:pay", "toggle", "true")
            try redis.execute("HSET", "toggle:cart", "toggle", "false")
            let patterns = KeyPatterns(toggles: "toggle:*")
            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "ci-bot")
            var source = DashboardSource(patterns: patterns, server: ServerInfo(endpoint: "test"))
            #expect(try source.poll(redis, .everything).toggles?.allSatisfy { $0.guardBadge == nil } == true)

            // A guard claims its record with a 1 s TTL and then never refreshes it: killed.
            let key = RedisKey("toggle:pay")
            let record = GuardRecord(
                state: "running", toggle: "pay", rule: "errors > 20 in 5m", actor: "ci-bot",
                started: "2026-12-07T13:00:00Z", ends: "2026-12-07T13:15:00Z", value: "true",
                count: 3, progress: "3/20", figures: "3 errors in 5m <= 20")
            guard case .claimed = try GuardStore.claim(env, key: GuardRecord.key(for: key, patterns: patterns), record: record, ttl: 1)
            else {
                Issue.record("claim refused")
                return
            }
            try GuardStore.register(env, toggleKey: key, ends: Date().addingTimeInterval(900))

            var running: GuardBadge?
            #expect(
                try eventually {
                    running = try source.poll(redis, .routine).toggles?.first { $0.name == "pay" }?.guardBadge ?? running
                    return running != nil
                })
            #expect(running?.state == .running && running?.progress == "3/20" && running?.rule == "errors > 20 in 5m")

            var lost = false
            #expect(
                try eventually {
                    lost = try source.poll(redis, .routine).toggles?.first { $0.name == "pay" }?.guardBadge?.state == .lost || lost
                    return lost
                }, "the expired record never showed as a lost guard")
            // A guard that ends properly is taken off: no badge, not lost.
            try GuardStore.unregister(env, toggleKey: key)
            var cleared = false
            #expect(
                try eventually {
                    if let rows = try source.poll(redis, .routine).toggles { cleared = rows.allSatisfy { $0.guardBadge == nil } }
                    return cleared
                })
        }
    }
}
