import Dashboard
import DashboardFeeds
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 2: a new toggle hash took about 60 s to appear with the default pattern `*`,
/// waiting for the next full keyspace walk (budgeted to 0.1% of a core). A rolling SCAN cursor,
/// a few pages per poll, now finds it within a few polls in both modes, and no routine poll
/// walks the whole keyspace. Real server; polls back to back (no timing assertion: the
/// figure is `scripts/bench`'s 7e).
@Suite struct NewToggleFreshnessTests {
    /// 20,000 session hashes (TYPE hash cannot tell them from toggles) and 50 toggles: 21 SCAN
    /// pages of 1,000 keys for the whole keyspace.
    static func seed(_ redis: RedisConnection) throws {
        for chunk in stride(from: 0, to: 20_000, by: 2_000) {
            try redis.send(
                (chunk..<chunk + 2_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "guest") })
        }
        try redis.send((0..<50).map { RedisCommand("HSET", String(format: "flag%02d", $0), "toggle", "off") })
    }

    /// A SCAN of the toggles' pattern `*` (the sessions feed walks `session:*` too).
    static func isToggleScan(_ command: RedisCommand) -> Bool {
        command.name == "SCAN" && command.arguments.count > 3 && command.arguments[3] == Array("*".utf8)
    }

    /// The COUNT a SCAN asked for (the keys one page walks).
    static func scanCount(_ command: RedisCommand) -> Int {
        guard let at = command.arguments.firstIndex(of: Array("COUNT".utf8)), at + 1 < command.arguments.count else { return 0 }
        return Int(String(decoding: command.arguments[at + 1], as: UTF8.self)) ?? 0
    }

    /// Polls until the first discovery walk is complete.
    static func discovered(_ source: inout DashboardSource, _ redis: RedisConnection, updates: UpdateMode) throws {
        var first = try source.poll(PollContext(redis: redis, request: .everything, updates: updates))
        for _ in 0..<100 where first.togglesDiscovery?.isComplete != true {
            first = try source.poll(PollContext(redis: redis, request: .routine, updates: updates))
        }
        #expect(first.togglesDiscovery?.isComplete == true)
        #expect(first.toggles?.count == 50 || source[TogglesFeed.self].knownCount == 50)
    }

    @Test(arguments: [UpdateMode.polling(reason: nil), .live])
    func aNewToggleShowsWithinAFewPollsWithTheDefaultPattern(updates: UpdateMode) throws {
        try withConnection { redis, _ in
            try Self.seed(redis)
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            // Paced by polls only: the cap on measured time (2% of a 1 s interval) would make the
            // pace depend on the machine's load, and these polls run back to back.
            source[TogglesFeed.self].sweep.share = 1
            // The periodic full discovery (due after 10 s: on a loaded machine during the polls
            // below) walks in steps of 5 pages here, so a poll asking for the whole keyspace can
            // only be the sweep walking it all.
            source[TogglesFeed.self].discoveryPagesPerPoll = 5
            try Self.discovered(&source, redis, updates: updates)
            // The live safety net's first poll (a full routine read) out of the way.
            _ = try source.poll(PollContext(redis: redis, request: .routine, updates: updates))

            try redis.execute("HSET", "brand-new", "toggle", "on", "owner", "payments")
            // Live: broadcast tracking with the empty prefix reports the new key (the channel is
            // InvalidationTests' and BroadcastNewToggleTests' business); no sweep runs.
            if case .live = updates { _ = source.invalidated(["brand-new"]) }
            var seenAt: Int?
            var scansPerPoll: [Int] = []
            for poll in 1...8 where seenAt == nil {
                let recorder = CommandRecorder(redis)
                let snapshot = try source.poll(PollContext(redis: recorder, request: .routine, updates: updates))
                scansPerPoll.append(recorder.sent.filter(Self.isToggleScan).map(Self.scanCount).reduce(0, +))
                if snapshot.toggles?.contains(where: { $0.name == "brand-new" && $0.rawValue == "on" }) == true { seenAt = poll }
            }
            #expect(seenAt != nil, "the new toggle shows within 8 polls (\(updates.label)); keys asked per poll: \(scansPerPoll)")
            #expect(scansPerPoll.allSatisfy { $0 < 20_050 }, "no poll walks the whole keyspace (keys asked per poll): \(scansPerPoll)")
            if case .live = updates {
                #expect(scansPerPoll.allSatisfy { $0 == 0 }, "live: no sweep (keys asked per poll): \(scansPerPoll)")
            }
            #expect(source[TogglesFeed.self].knownCount == 51)
        }
    }

    /// The sweep asks HEXISTS only of keys it does not know: the 50 known toggles, the
    /// sessions, and other hashes it already found not to be toggles are not asked again every
    /// cycle (they were most of the idle commands with the default pattern: figure 6b).
    @Test func theSweepDoesNotRecheckKnownTogglesSessionsOrOtherHashes() throws {
        try withConnection { redis, _ in
            try Self.seed(redis)
            try redis.send((0..<500).map { RedisCommand("HSET", "cart:\($0)", "items", "3") })
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            // Paced by polls only: the cap on measured time (2% of a 1 s interval) would make the
            // pace depend on the machine's load, and these polls run back to back.
            source[TogglesFeed.self].sweep.share = 1
            try Self.discovered(&source, redis, updates: .polling(reason: nil))
            var perPoll: [Int] = []
            for _ in 0..<20 {
                let recorder = CommandRecorder(redis)
                let snapshot = try source.poll(PollContext(redis: recorder, request: .routine))
                // A full discovery walk (due every 10 s or more) asks every hash again: not the sweep.
                if snapshot.togglesDiscovery == nil { perPoll.append(recorder.sent.filter { $0.name == "HEXISTS" }.count) }
            }
            // The first cycle (4 polls) learns the 500 other hashes; the later ones ask nothing.
            #expect(perPoll.count > 8, "\(perPoll)")
            #expect(perPoll.dropFirst(4).allSatisfy { $0 == 0 }, "HEXISTS per poll: \(perPoll)")
            #expect(perPoll.reduce(0, +) <= 500, "each other hash asked once: \(perPoll)")
        }
    }

    /// When a full cycle cannot be 5 s (a huge keyspace, or the cost cap), the feed tells the
    /// pane the freshness for new toggles (the title shows it: NewToggleFreshnessTitleTests).
    @Test func theFreshnessForNewTogglesIsShownWhenItIsLongerThanFiveSeconds() throws {
        try withConnection { redis, _ in
            try Self.seed(redis)
            var source = DashboardSource(patterns: KeyPatterns(scanCount: 100), server: ServerInfo(endpoint: "test"))
            source[TogglesFeed.self].sweep.maxPagesPerPoll = 2
            try Self.discovered(&source, redis, updates: .polling(reason: nil))
            var freshness: Double?
            for _ in 0..<200 where freshness == nil {
                let snapshot = try source.poll(PollContext(redis: redis, request: .routine))
                if let value = snapshot.togglesNewFreshness, value > 0 { freshness = value }
            }
            let seconds = try #require(freshness, "41 pages of 500 keys at 2 a poll: about 20 polls a cycle")
            #expect(seconds > 5, "about 20 polls of 1 s: \(seconds) s")
            // Invalidations back (live): the server reports new toggles, the slow figure goes.
            let live = try source.poll(PollContext(redis: redis, request: .routine, updates: .live))
            #expect(live.togglesNewFreshness == 0, "live: \(String(describing: live.togglesNewFreshness))")
        }
    }
}
