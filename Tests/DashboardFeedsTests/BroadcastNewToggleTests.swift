import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

/// Issue 24, bug 2 with the default pattern `*` and invalidations on: new toggles come from
/// broadcast tracking with the empty prefix, not from a SCAN sweep of the whole keyspace; the
/// channel drops the sessions' keys as bytes, and the Toggles feed reads an unknown key once.
/// Real servers; no timing assertion (the figures are `scripts/bench`'s 6b and 7d/7e).
@Suite struct BroadcastNewToggleTests {
    /// `calls=` of `cmdstat_<command>` in INFO commandstats.
    static func calls(_ command: String, _ redis: RedisConnection) throws -> Int {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        return info.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("cmdstat_\(command):") }.compactMap { line in
            line.split(separator: ",").first { $0.contains("calls=") }?.split(separator: "=").last.flatMap { Int($0) }
        }.reduce(0, +)
    }

    @Test func thePatternStarTracksEveryKeyAndDropsTheSessions() {
        let patterns = KeyPatterns()
        #expect(DashboardSource.trackedPrefixes(patterns) == [""])
        #expect(DashboardSource.droppedPrefixes(patterns) == ["session:"])
        #expect(DashboardSource.droppedPrefixes(KeyPatterns(toggles: "toggle:*")).isEmpty)
        #expect(DashboardSource.trackedPrefixes(patterns, kinds: [.errors, .logs]) != [""])
    }

    /// The channel alone: 2,000 session writes reach no callback; a key after them does.
    @Test func theChannelDropsTheSessionsKeysBeforeTheCallback() throws {
        try withServer { server in
            let writer = try server.connect()
            let seen = Mutex<[RedisKey]>([])
            let ready = Mutex(false)
            let channel = InvalidationChannel(
                options: RedisConnectionOptions(endpoint: server.endpoint), prefixes: [""], dropping: ["session:"],
                ready: { _ in ready.withLock { $0 = true } },
                changed: { keys in seen.withLock { $0 += keys ?? [] } },
                lost: { _ in })
            channel.start()
            defer { channel.stop() }
            try #require(eventually { ready.withLock { $0 } })
            for chunk in stride(from: 0, to: 2_000, by: 500) {
                try writer.send((chunk..<chunk + 500).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            }
            try writer.execute("HSET", "cart:1", "items", "3")
            try #require(eventually { seen.withLock { $0.contains("cart:1") } }, "a key outside the sessions arrives")
            let sessions = seen.withLock { $0.filter { $0.bytes.starts(with: Array("session:".utf8)) } }
            #expect(sessions.count == 0, "session keys reached the callback")
        }
    }

    /// The dashboard's wiring with `*`: a new toggle appears with no SCAN after discovery, and
    /// session writes cost no toggle reads.
    @Test func aNewToggleArrivesThroughTheChannelWithoutAScan() throws {
        try withServer { server in
            let writer = try server.connect()
            try writer.send((0..<300).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            try writer.execute("HSET", "payments", "toggle", "off")
            let patterns = KeyPatterns()
            let options = RedisConnectionOptions(endpoint: server.endpoint, reconnectBackoff: 0.05...0.5)
            let snapshots = InvalidationTests.Snapshots()
            let poller = Poller(
                connection: options, source: DashboardSource(patterns: patterns, server: ServerInfo(endpoint: "t")),
                interval: InvalidationTests.noPoll, maxBackoff: 0.5
            ) { snapshots.add($0) }
            let channel = InvalidationChannel(
                options: options, prefixes: DashboardSource.trackedPrefixes(patterns),
                dropping: DashboardSource.droppedPrefixes(patterns),
                ready: { poller.enableTracking(redirect: $0) },
                changed: { poller.invalidated($0) },
                lost: { poller.trackingLost($0) })
            poller.start()
            channel.start()
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(eventually { snapshots.mode == "live" && snapshots.toggle("payments") == "off" })
            let scans = try Self.calls("scan", writer)
            let hexists = try Self.calls("hexists", writer)
            let hgetall = try Self.calls("hgetall", writer)
            for chunk in stride(from: 0, to: 2_000, by: 500) {
                try writer.send((chunk..<chunk + 500).map { RedisCommand("HSET", "session:\($0 % 300)", "authType", "w\($0)") })
            }
            try writer.execute("HSET", "brandNew", "toggle", "on")
            #expect(eventually { snapshots.toggle("brandNew") == "on" }, "the new toggle arrives with an hour between polls")
            #expect(try Self.calls("scan", writer) == scans, "no SCAN after discovery")
            #expect(try Self.calls("hexists", writer) - hexists == 1, "one HEXISTS: the new toggle's, none for 2,000 session writes")
            #expect(try Self.calls("hgetall", writer) - hgetall == 1, "one HGETALL: the new toggle's")
        }
    }

    /// Feed level: a busy non-toggle key is asked once, not on every write; keys under the
    /// sessions' pattern are never asked (even if the channel let them through).
    @Test func aBusyNonToggleKeyIsReadOnceAndSessionsNever() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "payments", "toggle", "off")
            try redis.execute("HSET", "session:1", "authType", "guest")
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            _ = try source.poll(PollContext(redis: redis, request: .everything, updates: .live))
            let woke = source[TogglesFeed.self].invalidated(["session:9"])
            #expect(!woke, "a session key wakes no toggles poll")
            var asked = 0
            for round in 0..<100 {
                try redis.execute("HINCRBY", "cart:1", "items", "1")
                try redis.execute("INCR", "counter")
                _ = source.invalidated(["cart:1", "counter", "session:1", RedisKey("session:\(round)")])
                let recorder = CommandRecorder(redis)
                let snapshot = try source.poll(PollContext(redis: recorder, request: .soon, updates: .live))
                #expect(snapshot.togglesDiscovery == nil)
                asked +=
                    recorder.sent.filter { command in
                        command.arguments.contains {
                            $0 == Array("cart:1".utf8) || $0 == Array("counter".utf8) || $0.starts(with: Array("session:".utf8))
                        }
                    }.count
                #expect(!recorder.sent.contains { $0.name == "SCAN" }, "no sweep with invalidations")
            }
            #expect(asked <= 2, "cart:1 and counter asked once each over 100 writes: \(asked) commands")
        }
    }
}
