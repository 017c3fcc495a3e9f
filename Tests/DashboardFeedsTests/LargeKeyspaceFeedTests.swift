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
            source[SessionsFeed.self].pagesPerPoll = 2
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

    /// Seen by hand: the dashboard opened on a database with no sessions, 100,000 were written,
    /// and after `r` the title said "Sessions 0 · No sessions found" for minutes — the finished
    /// walk's 0 stood while the new walk (one SCAN page a poll, as for a first page) had already
    /// found thousands. A later walk walks at full speed, shows what it finds while the list is
    /// short, and a count it has already passed is not shown as exact.
    @Test func sessionsWrittenAfterAnEmptyWalkAreShownAndCountedAsTheyAreFound() throws {
        try withConnection { redis, _ in
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*", scanCount: 100), server: ServerInfo(endpoint: "test"))
            source[SessionsFeed.self].pagesPerPoll = 2
            #expect(try source.poll(redis, .everything).sessionsCount == .exact(0))
            try redis.send((0..<3_000).map { RedisCommand("HSET", String(format: "session:%05d", $0), "authType", "guest") })
            let after = try source.poll(redis, .everything)
            let count = try #require(after.sessionsCount)
            #expect(count.value > 0, "the walk under way has found sessions: \(count.label)")
            #expect(count.isPartial, "it has not counted them all: \(count.label)")
            #expect((after.sessions?.count ?? 0) > 0, "the sessions found so far are listed")
            var last = count
            var polls = 1
            while last.isPartial && polls < 100 {
                last = try #require(try source.poll(redis, .routine).sessionsCount)
                polls += 1
            }
            #expect(last == .exact(3_000))
        }
    }

    /// A poll that reads everything hands the toggles over before the errors and logs are read
    /// (their walks take a second or more on a large keyspace); a routine poll is one snapshot.
    @Test func aPollOfEverythingHandsOverTheTogglesBeforeTheSlowerPanes() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "toggle:a", "toggle", "on")
            try redis.execute("HSET", "session:1", "authType", "guest")
            try redis.execute("LPUSH", "recent:shop:error", "Thu Nov 26 18:03:33 2026 boom")
            try redis.execute(
                "HSET", "error:a:1764180213000", "toggleName", "a", "toggleValue", "True",
                "fingerPrint", "x", "exceptionBody", "java.lang.IllegalStateException: boom")
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let recorder = CommandRecorder(redis)
            var parts: [(DashboardSnapshot, sentBefore: [RedisCommand])] = []
            let rest = try source.poll(PollContext(redis: recorder, request: .everything)) { parts.append(($0, recorder.sent)) }
            let first = try #require(parts.first)
            #expect(first.0.toggles?.map(\.name) == ["a"])
            #expect(first.0.server != nil, "the server line comes with the first part")
            #expect(first.0.covers == [.toggles], "a part says which pane it completes")
            #expect(rest.covers == nil, "the last part ends the poll")
            func mentions(_ commands: [RedisCommand], _ text: String) -> Bool {
                commands.contains { command in command.arguments.contains { String(decoding: $0, as: UTF8.self).contains(text) } }
            }
            #expect(
                !mentions(first.sentBefore, "recent:") && !mentions(first.sentBefore, "error:"),
                "nothing of the logs or errors was read before the toggles were handed over")
            #expect(parts.contains { $0.0.sessions?.map(\.key) == ["session:1"] })
            #expect(parts.contains { $0.0.latestErrors?.rows.count == 1 })
            #expect(rest.newLogLines.count == 1, "the logs come with the rest")
            #expect(rest.toggles == nil && rest.sessions == nil, "nothing is said twice")

            var routineParts = 0
            _ = try source.poll(PollContext(redis: redis, request: .routine)) { _ in routineParts += 1 }
            #expect(routineParts == 0, "a routine poll is one snapshot, one redraw")
        }
    }

    @Test func togglesReachTheUIBeforeTheirDiscoveryCompletes() throws {
        try withConnection { redis, _ in
            try redis.send((0..<300).map { RedisCommand("HSET", String(format: "toggle:%04d", $0), "toggle", "off") })
            try redis.send((0..<2_000).map { RedisCommand("HSET", String(format: "other:%05d", $0), "name", "x") })
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*", scanCount: 100), server: ServerInfo(endpoint: "test"))
            source[TogglesFeed.self].discoveryPagesPerPoll = 2
            let recorder = CommandRecorder(redis)
            let first = try source.poll(recorder, .everything)
            let shown = first.toggles?.count ?? 0
            let progress = try #require(first.togglesDiscovery)
            #expect(!progress.isComplete, "2 pages of 100 buckets cannot cover 2,300 keys")
            #expect(shown > 0 && shown < 300, "the toggles found so far are delivered (\(shown))")
            let walked = recorder.sent(named: "SCAN").filter { $0.arguments.contains(Array("toggle:*".utf8)) }
            #expect(walked.count == 2, "the poll walked a bounded number of pages")
            #expect((progress.estimate ?? 0) >= 2_300)
            #expect(progress.label.contains("discovering…"))
            var last = first
            var lastRows = first.toggles ?? []
            var polls = 1
            while last.togglesDiscovery?.isComplete != true && polls < 100 {
                last = try source.poll(redis, .routine)
                if let rows = last.toggles {
                    #expect(rows.count >= lastRows.count, "rows only grow during the walk")
                    lastRows = rows
                }
                polls += 1
            }
            #expect(lastRows.count == 300)
            #expect(last.togglesDiscovery?.isComplete == true)
            #expect(polls > 3, "discovery took several polls (\(polls))")
        }
    }
}
