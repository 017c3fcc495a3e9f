import Dashboard
import DashboardFeeds
import Operations
import RedisClient
import TestSupport
import Testing

/// Big keyspaces (issue 17): a session count still walking is labelled partial, and toggles
/// reach the UI while their discovery is still walking.
@Suite struct LargeKeyspaceFeedTests {
    @Test func aSessionCountUnderWayIsPartialUntilTheWalkCompletes() throws {
        try withConnection { redis, _ in
            try redis.send((0..<3_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "guest") })
            // 100 keys per SCAN page and 2 pages per poll: the walk takes many polls.
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*", scanCount: 100), server: ServerInfo(endpoint: "test"))
            source.sessions.pagesPerPoll = 2
            let first = try source.poll(redis, .everything)
            let partial = try #require(first.sessionsCount)
            #expect(partial.isPartial, "one SCAN page cannot have counted 3,000 sessions")
            #expect(partial.value < 3_000)
            #expect((partial.upperBound ?? 0) >= 3_000, "DBSIZE bounds the count from above")
            #expect(partial.label.contains("counting…"))
            var last = partial
            var polls = 1
            while last.isPartial && polls < 200 {
                let count = try #require(try source.poll(redis, .routine).sessionsCount)
                #expect(count.value >= last.value || !count.isPartial, "a partial count never shrinks")
                last = count
                polls += 1
            }
            #expect(last == .exact(3_000))
            #expect(polls > 3, "the count took several polls (\(polls)), so the partial label was exercised")
        }
    }
}
