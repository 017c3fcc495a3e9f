import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 1: a flip made with `redis-cli HSET` was seen, then forgotten. Now the feed
/// puts it on the record (once, however many dashboards watch), or keeps it in memory,
/// labelled, in `--read-only`; the detail's trail and the incident export read it back.
@Suite struct ObservedChangeTests {
    private let patterns = KeyPatterns(toggles: "toggle:*")

    private func source(observer: String, records: Bool) -> DashboardSource {
        var source = DashboardSource(patterns: patterns, server: ServerInfo(endpoint: "test"))
        source[TogglesFeed.self].observations = ObservationPolicy(observer: observer, records: records)
        return source
    }

    private func row(_ snapshot: DashboardSnapshot?, _ name: String) -> ToggleRow? {
        snapshot?.toggles?.first { $0.name == name }
    }

    @Test func anOutsideFlipIsRecordedOnceByTwoDashboardsAndReadBackEverywhere() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "toggle:payments", "toggle", "False")
            let other = try server.connect()
            defer { other.close() }
            var a = source(observer: "dash-a", records: true)
            var b = source(observer: "dash-b", records: true)
            _ = try a.poll(redis, .everything)
            _ = try b.poll(other, .everything)

            // What an on-call engineer's colleague did by hand.
            try redis.execute("HSET", "toggle:payments", "toggle", "True")
            let seenA = row(try a.poll(redis, .routine), "payments")
            let seenB = row(try b.poll(other, .routine), "payments")

            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "reader")
            let trail = try AuditStore.history(env, toggle: "payments")
            #expect(trail.count == 1, "two dashboards, one entry: \(trail)")
            let entry = try #require(trail.first)
            #expect(entry.actor == "outside opsdeck" && entry.seenBy == "dash-a")
            #expect(entry.old == "False" && entry.new == "True" && entry.date != nil)
            #expect(seenA?.lastChange?.seenBy == "dash-a" && seenA?.lastChange?.notRecorded == false)
            #expect(seenB?.lastChange?.seenBy == "dash-a", "the second dashboard shows the first one's entry")

            // The detail reads it as the newest change, and no longer calls the value unexplained.
            guard case .loaded(let detail) = ToggleDetailLoader.load(env, name: "payments", module: nil, at: Date()) else {
                Issue.record("the detail did not load")
                return
            }
            #expect(detail.history.first?.who == "outside opsdeck, seen by dash-a")
            #expect(detail.outsideChange == nil)

            // The export lists it among the toggles changed.
            let report = IncidentReport.collect(env, endpoint: "test", since: Date().addingTimeInterval(-600))
            #expect(report.changes.map(\.actor) == ["outside opsdeck (seen by dash-a)"])
            #expect(report.changes.first?.new == "True")
        }
    }

    @Test func aFlipMadeThroughOpsdeckIsNotObservedAgain() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:payments", "toggle", "False")
            var a = source(observer: "dash-a", records: true)
            _ = try a.poll(redis, .everything)
            let env = OpsEnvironment(redis: redis, patterns: patterns, actor: "priya")
            _ = try ToggleStore.flip(env, name: "payments", to: true, expect: .off, reason: nil)
            let seen = row(try a.poll(redis, .routine), "payments")
            #expect(try AuditStore.history(env, toggle: "payments").map(\.actor) == ["priya"])
            #expect(seen?.lastChange?.actor == "priya" && seen?.lastChange?.seenBy == nil)
        }
    }

    @Test func aReadOnlyDashboardRecordsNothingAndKeepsTheObservationLabelled() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:payments", "toggle", "False")
            var a = source(observer: "dash-ro", records: false)
            _ = try a.poll(redis, .everything)
            try redis.execute("HSET", "toggle:payments", "toggle", "True")
            let seen = row(try a.poll(redis, .routine), "payments")
            #expect(try redis.execute("KEYS", "*audit*").array?.isEmpty == true, "nothing written")
            let change = try #require(seen?.lastChange)
            #expect(change.notRecorded && change.seenBy == "dash-ro" && change.old == "False" && change.new == "True")
            #expect(change.who == "outside opsdeck, seen here, not recorded (read-only)")
        }
    }
}
