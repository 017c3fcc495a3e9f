import RedisClient
import TestSupport
import Testing
import Operations

/// The dashboard's session walk: the list appears after one SCAN step, the count when done.
@Suite struct SessionScanTests {
    @Test func firstKeysAtOnceTotalWhenTheWalkCompletes() throws {
        try withConnection { redis, _ in
            try redis.send((0..<5_000).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            try redis.send((0..<50).map { RedisCommand("HSET", "toggle:\($0)", "toggle", "on") })
            var scan = SessionScan(pattern: "session:*", count: 100, limit: 500)
            scan.restart()
            #expect(try scan.advance(on: redis, pages: 1), "the first page is shown at once")
            #expect(!scan.keys.isEmpty && scan.keys.count <= 500 && scan.total == nil)
            var polls = 1
            while scan.isWalking {
                _ = try scan.advance(on: redis, pages: 5)
                polls += 1
            }
            #expect(polls > 2, "5,000 keys at COUNT 100 take several polls of 5 pages")
            #expect(scan.total == 5_000)
            #expect(scan.keys.count == 500 && scan.keys == scan.keys.sorted())
            #expect(scan.keys.allSatisfy { $0.text.hasPrefix("session:") })
            // A new walk keeps showing the last complete list and count until it finishes.
            try redis.execute("DEL", "session:0")
            scan.restart()
            #expect(!scan.isWalking, "too soon after the last walk: the budget holds it back")
            scan.restart(force: true)
            _ = try scan.advance(on: redis, pages: 1)
            #expect(scan.total == 5_000)
            while scan.isWalking { _ = try scan.advance(on: redis, pages: 50) }
            #expect(scan.total == 4_999)
        }
    }
}
