import Dashboard
import DashboardFeeds
import Operations
import RedisClient
import TestSupport
import Testing

extension DashboardSource {
    /// One poll, in one snapshot (the `Poller` also takes parts handed over early).
    mutating func poll(_ redis: any RedisCommandSender, _ request: PollRequest) throws -> DashboardSnapshot {
        try poll(PollContext(redis: redis, request: request))
    }
}

/// The dashboard's poll source on a large toggle set: sliced refresh, flips shown at once,
/// unchanged polls sending nothing, and a flip followed by no keyspace walk.
@Suite struct DashboardSourceTests {
    private func value(_ snapshot: DashboardSnapshot, _ name: String) -> String? {
        snapshot.toggles?.first { $0.name == name }?.rawValue
    }

    @Test func largeToggleSetsRefreshInSlicesAndFlipsShowAtOnce() throws {
        try withConnection { redis, _ in
            try redis.send((0..<1_200).map { RedisCommand("HSET", String(format: "toggle:%04d", $0), "toggle", "off") })
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let first = try source.poll(redis, .everything)
            #expect(first.toggles?.count == 1_200)
            #expect(try source.poll(redis, .routine).toggles == nil, "nothing changed: nothing re-sent")

            // Someone changes a toggle in the last slice: it shows within a full pass (3 slices).
            try redis.execute("HSET", "toggle:1199", "toggle", "on")
            var seen: String?
            for _ in 0..<3 where seen != "on" {
                if let new = value(try source.poll(redis, .routine), "1199") { seen = new }
            }
            #expect(seen == "on")

            // A flip from this dashboard is re-read on the very next poll, whatever slice is due.
            try redis.execute("HSET", "toggle:0600", "toggle", "on")
            source[TogglesFeed.self].priority.insert("0600")
            #expect(value(try source.poll(redis, .routine), "0600") == "on")
        }
    }

    @Test func fieldFilterSearchesTheWholeKeyspaceNotJustTheSessionsShown() throws {
        try withConnection { redis, _ in
            try redis.send((0..<2_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "guest") })
            try redis.send((1_997..<2_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "sso-corp") })
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            var first = try source.poll(redis, .everything)
            for _ in 0..<10 where first.sessions?.count ?? 0 < 500 { first = try source.poll(redis, .routine) }
            #expect(first.sessions?.count == 500)
            #expect(first.sessions?.contains { $0.key == "session:01999" } == false, "beyond the 500 shown")
            source[SessionsFeed.self].filter = try SessionFilter(parsing: ["authType=sso-corp"])
            let filtered = try source.poll(redis, .everything)
            #expect(filtered.sessions?.map(\.key).sorted() == ["session:01997", "session:01998", "session:01999"])
            #expect(filtered.sessionsCount == .exact(3))
            source[SessionsFeed.self].filter = SessionFilter()
            let cleared = try source.poll(redis, .everything)
            #expect(cleared.sessions?.count == 500)
        }
    }

    /// A flip made in the dashboard used to end in a full refresh: on a 100,000-key database one
    /// flip was followed by ~400 SCAN calls. Now it asks for that toggle and the audit only.
    @Test func aFlipIsFollowedByItsToggleAndAuditOnlyNoScan() throws {
        try withConnection { redis, _ in
            try redis.send((0..<300).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            try redis.send((0..<20).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "False") })
            try redis.execute("LPUSH", "recent:api:info", "Thu Nov 26 18:03:33 2026 started")
            let recorder = CommandRecorder(redis)
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            _ = try source.poll(recorder, .everything)
            #expect(!recorder.sent(named: "SCAN").isEmpty, "the first poll discovers (the check can fail)")

            // The flip, as the effect runner makes it, then the poll it asks for.
            let env = OpsEnvironment(redis: redis, patterns: KeyPatterns(toggles: "toggle:*"), readOnly: false, actor: "e2e")
            _ = try ToggleStore.flip(env, name: "t7", to: true, expect: .off, reason: nil)
            source[TogglesFeed.self].priority.insert("t7")
            recorder.reset()
            let after = try source.poll(recorder, .soon)
            #expect(recorder.sent(named: "SCAN").isEmpty, "no keyspace walk after a flip: \(recorder.sent.map(\.name))")
            // ZRANGEBYSCORE: the guard registry, one read per poll (docs/guarded-flips.md).
            #expect(
                Set(recorder.sent.map(\.name)).isSubset(of: ["HGETALL", "TYPE", "LRANGE", "ZRANGEBYSCORE"]),
                "only the toggle, the audit and the guard registry: \(recorder.sent.map(\.name))")
            #expect(recorder.sent(named: "ZRANGEBYSCORE").count == 1, "one registry read, no guard records without guards")
            #expect(recorder.sent(named: "HGETALL").count == 1, "that toggle alone")
            #expect(after.toggles?.first { $0.name == "t7" }?.rawValue == "True")
            #expect(after.toggles?.first { $0.name == "t7" }?.lastChange?.actor == "e2e", "its audit entry read")
        }
    }

    /// The dialog's target and the write came from two rules that differed on whitespace and
    /// spellings: a stored " True" could show one target and write another. Now the row carries
    /// the data layer's own target, and the write is checked against it.
    @Test(arguments: [" True", "TRUE\t", "yes", "0", " On ", "false", "Yes"])
    func theDialogShowsExactlyWhatTheFlipWrites(_ stored: String) throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:padded", "toggle", stored)
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let row = try #require(try source.poll(redis, .everything).toggles?.first { $0.name == "padded" })
            let shown = try #require(row.flipTarget)
            let env = OpsEnvironment(redis: redis, patterns: KeyPatterns(toggles: "toggle:*"), readOnly: false, actor: "t")
            let turnOn = row.status == .off
            _ = try ToggleStore.flip(env, name: "padded", to: turnOn, expect: turnOn ? .off : .on, reason: nil)
            #expect(try redis.execute("HGET", "toggle:padded", "toggle").string == shown, "stored \(stored.debugDescription)")
        }
    }
}
