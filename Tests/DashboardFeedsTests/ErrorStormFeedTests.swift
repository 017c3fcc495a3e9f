import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 23, bugs 1, 2 and 5 at the feed: under a storm that outnumbers the bodies the overview
/// reads, the per-toggle counts and rates (the Toggles pane, the Errors pane's per-toggle line,
/// the detail's timeline) are exact, the quieter culprit is never missing, and the groups of a
/// toggle not wholly read say so (`≥ N`).
@Suite struct ErrorStormFeedTests {
    @Test func stormCountsAreExactAndTheCulpritStays() throws {
        try withConnection(.search2) { redis, _ in
            let env = OpsEnvironment(redis: redis, actor: "test")
            try ErrorStore().createIndex(env)
            let now = Date()
            var commands: [RedisCommand] = []
            func write(_ toggle: String, at date: Date, body: String) {
                let id = ErrorID.make(toggle: toggle, date: date)
                commands.append(
                    RedisCommand(
                        "HSET", env.patterns.errorPrefix + id, "toggleName", toggle,
                        "toggleValue", "True", "fingerPrint", "dev", "exceptionBody", body))
            }
            // The culprit: 30 errors 10 to 5 minutes ago; then 40 a second for three others.
            for i in 0..<30 { write("culprit", at: now.addingTimeInterval(-600 + Double(i) * 10), body: "IllegalStateException: retry") }
            for toggle in ["stormA", "stormB", "stormC"] {
                for i in 0..<40 { write(toggle, at: now.addingTimeInterval(-45 + Double(i)), body: "SocketTimeoutException: \(toggle)") }
            }
            try ReplyFailure.check(try redis.send(commands))

            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            source[ErrorsFeed.self].windowLimit = 60
            let snapshot = try source.poll(redis, .everything)
            let rates = try #require(snapshot.errorRates)
            #expect(rates["culprit"]?.count == 30, "the culprit is never missing")
            #expect(rates["stormA"]?.count == 40 && rates["stormB"]?.count == 40 && rates["stormC"]?.count == 40)
            #expect(rates["culprit"]?.times.count == 30, "the detail's timeline and its \"since the flip\" read every error")
            let counts = try #require(snapshot.errorCounts)
            #expect(counts.first { $0.toggle == "culprit" }?.count == 30)
            #expect(counts.map(\.count).reduce(0, +) == 150)
            let groups = try #require(snapshot.errorGroups)
            #expect(groups.contains { $0.toggleName == "culprit" }, "the culprit keeps its group")
            #expect(groups.allSatisfy { $0.partial }, "every toggle had more errors than bodies read: ≥")
        }
    }
}
