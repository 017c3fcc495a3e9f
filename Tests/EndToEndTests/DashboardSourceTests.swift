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
}
