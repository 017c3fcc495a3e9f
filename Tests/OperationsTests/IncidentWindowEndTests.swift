import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// An incident report for a window with an end (the dashboard's `:to`): errors, flips and log
/// lines after the end are not part of it, and its title says the end, not the time it was
/// written. On a real server with RediSearch 1.x.
@Suite struct IncidentWindowEndTests {
    @Test func nothingAfterTheEndIsReported() throws {
        try withConnection(.search1) { redis, _ in
            let env = OpsEnvironment(redis: redis, actor: "test")
            try ErrorStore().createIndex(env)
            let now = Date()
            for (age, toggle) in [(600.0, "cart"), (590, "cart"), (60, "cart"), (50, "search")] {
                try ErrorFixtures.seed(
                    env, .search1, id: ErrorID.make(toggle: toggle, date: now.addingTimeInterval(-age)), toggle: toggle,
                    body: "java.lang.IllegalStateException: \(toggle) \(Int(age))")
            }
            let iso = ISO8601DateFormatter()
            for (age, toggle) in [(700.0, "cart"), (30, "search")] {
                let flip =
                    "{\"actor\":\"priya\",\"new\":\"True\",\"old\":\"False\",\"time\":\"\(iso.string(from: now.addingTimeInterval(-age)))\","
                    + "\"toggle\":\"\(toggle)\"}"
                try redis.execute(RedisCommand("LPUSH", ["opsdeck:audit", flip]))
            }
            let since = now.addingTimeInterval(-900), until = now.addingTimeInterval(-300)
            let report = IncidentReport.collect(env, endpoint: "test", since: since, until: until)
            #expect(report.toggleErrors.map(\.toggle) == ["cart"] && report.toggleErrors.first?.count == 2, "\(report.toggleErrors)")
            #expect(report.changes.map(\.toggle) == ["cart"], "\(report.changes)")
            #expect(report.until == until && report.generatedAt >= now)
            // Without an end: everything up to now.
            let open = IncidentReport.collect(env, endpoint: "test", since: since)
            #expect(open.toggleErrors.map(\.count).reduce(0, +) == 4 && open.changes.count == 2 && open.until == nil)
        }
    }
}
