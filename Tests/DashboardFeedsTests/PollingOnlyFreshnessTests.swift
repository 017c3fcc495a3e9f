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

/// Found by bench 6b: with invalidations flowing, the slow safety-net poll (once a minute) also
/// read every toggle's value, the polling-only sweep, 10,000 commands in one poll (167 commands/s
/// of the idle figure at 10,000 toggles). It reads one slice of whole hashes, as before issue 24.
@Suite struct SafetyNetPollTests {
    @Test func theSafetyNetPollReadsOneSliceNotEveryValue() throws {
        try withConnection { redis, _ in
            for chunk in stride(from: 0, to: 4_000, by: 2_000) {
                try redis.send((chunk..<chunk + 2_000).map { RedisCommand("HSET", String(format: "toggle:%05d", $0), "toggle", "off") })
            }
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            var first = try source.poll(PollContext(redis: redis, request: .everything, updates: .live))
            for _ in 0..<20 where first.togglesDiscovery?.isComplete != true {
                first = try source.poll(PollContext(redis: redis, request: .routine, updates: .live))
            }
            #expect(first.togglesDiscovery?.isComplete == true)
            // The first routine poll with invalidations on is the safety net (due at once).
            let recorder = CommandRecorder(redis)
            _ = try source.poll(PollContext(redis: recorder, request: .routine, updates: .live))
            let hget = recorder.sent.filter { $0.name == "HGET" }.count
            let hgetall = recorder.sent.filter { $0.name == "HGETALL" }.count
            #expect(hget == 0, "safety-net poll sent \(hget) HGET (the polling-only value sweep)")
            #expect(hgetall == TogglesFeed().slice, "one slice of whole hashes: \(hgetall)")
        }
    }
}
