import Dashboard
import DashboardFeeds
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 3: polling only (a server or ACL user refusing `CLIENT TRACKING`), a flip by
/// another client among 10,000 toggles took up to 20 s to show, the routine poll re-reading 500
/// whole hashes a second. Each routine poll now reads every toggle's value.
@Suite struct PollingOnlyFreshnessTests {
    @Test func anOutsideFlipAmongTenThousandTogglesShowsOnTheNextPoll() throws {
        try withConnection { redis, _ in
            for chunk in stride(from: 0, to: 10_000, by: 2_000) {
                try redis.send((chunk..<chunk + 2_000).map { RedisCommand("HSET", String(format: "toggle:%05d", $0), "toggle", "off") })
            }
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            var first = try source.poll(redis, .everything)
            for _ in 0..<20 where first.togglesDiscovery?.isComplete != true { first = try source.poll(redis, .routine) }
            #expect(first.togglesDiscovery?.isComplete == true)
            _ = try source.poll(redis, .routine)

            // Far from the slice due next: before, it waited for its slice (up to 20 polls).
            for name in ["07777", "09999", "00250"] {
                try redis.execute("HSET", "toggle:\(name)", "toggle", "on")
                let rows = try source.poll(redis, .routine).toggles
                #expect(rows?.first { $0.name == name }?.rawValue == "on", "\(name) shows on the very next poll")
            }
        }
    }
}
