import Dashboard
import Operations
import RedisClient
import TestSupport
import Testing
@testable import opsdeck

/// The dashboard's poll source on a large toggle set: sliced refresh, flips shown at once,
/// unchanged polls sending nothing.
@Suite struct DashboardSourceTests {
    private func value(_ snapshot: DashboardSnapshot, _ name: String) -> String? {
        snapshot.toggles?.first { $0.name == name }?.rawValue
    }

    @Test func largeToggleSetsRefreshInSlicesAndFlipsShowAtOnce() throws {
        try withConnection { redis, _ in
            try redis.send((0..<1_200).map { RedisCommand("HSET", String(format: "toggle:%04d", $0), "toggle", "off") })
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let first = try source.poll(redis, discover: true)
            #expect(first.toggles?.count == 1_200)
            #expect(try source.poll(redis, discover: false).toggles == nil, "nothing changed: nothing re-sent")

            // Someone changes a toggle in the last slice: it shows within a full pass (3 slices).
            try redis.execute("HSET", "toggle:1199", "toggle", "on")
            var seen: String?
            for _ in 0..<3 where seen != "on" {
                if let new = value(try source.poll(redis, discover: false), "1199") { seen = new }
            }
            #expect(seen == "on")

            // A flip from this dashboard is re-read on the very next poll, whatever slice is due.
            try redis.execute("HSET", "toggle:0600", "toggle", "on")
            source.priorityToggles.insert("0600")
            #expect(value(try source.poll(redis, discover: false), "0600") == "on")
        }
    }

    @Test func fieldFilterSearchesTheWholeKeyspaceNotJustTheSessionsShown() throws {
        try withConnection { redis, _ in
            try redis.send((0..<2_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "guest") })
            try redis.send((1_997..<2_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "sso-corp") })
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            var first = try source.poll(redis, discover: true)
            for _ in 0..<10 where first.sessions?.count ?? 0 < 500 { first = try source.poll(redis, discover: false) }
            #expect(first.sessions?.count == 500)
            #expect(first.sessions?.contains { $0.key == "session:01999" } == false, "beyond the 500 shown")
            source.sessionFilter = try SessionFilter(parsing: ["authType=sso-corp"])
            let filtered = try source.poll(redis, discover: true)
            #expect(filtered.sessions?.map(\.key).sorted() == ["session:01997", "session:01998", "session:01999"])
            #expect(filtered.sessionsTotal == 3)
            source.sessionFilter = SessionFilter()
            let cleared = try source.poll(redis, discover: true)
            #expect(cleared.sessions?.count == 500)
        }
    }
}
