import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 25: an absolute window (`:from`/`:to`) on a real server: the error figures count only
/// the records inside it, and a search lists only those.
@Suite struct ErrorRangeFeedTests {
    @Test func figuresAndSearchesKeepToTheWindow() throws {
        try withConnection(.search2) { redis, server in
            let env = OpsEnvironment(redis: redis, actor: "test")
            try ErrorStore().createIndex(env)
            let now = Date()
            var commands: [RedisCommand] = []
            func write(_ toggle: String, at date: Date) {
                commands.append(
                    RedisCommand(
                        "HSET", env.patterns.errorPrefix + ErrorID.make(toggle: toggle, date: date), "toggleName", toggle,
                        "toggleValue", "True", "fingerPrint", "dev", "exceptionBody", "TimeoutException boom"))
            }
            // 5 errors 50 to 46 minutes ago (inside the window), 7 in the last 7 minutes (after it).
            for i in 0..<5 { write("inside", at: now.addingTimeInterval(-3_000 + Double(i) * 60)) }
            for i in 0..<7 { write("after", at: now.addingTimeInterval(-420 + Double(i) * 60)) }
            try ReplyFailure.check(try redis.send(commands))
            let range = ErrorRange(from: now.addingTimeInterval(-3_300), to: now.addingTimeInterval(-2_400))

            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            source[ErrorsFeed.self].range = range
            let snapshot = try source.poll(redis, .everything)
            let rates = try #require(snapshot.errorRates)
            #expect(rates["inside"]?.count == 5 && rates["after"] == nil, "\(rates)")
            let groups = try #require(snapshot.errorGroups)
            #expect(groups.map(\.toggleName) == ["inside"] && groups.first?.count == 5, "\(groups)")

            // The search effect narrows to the same window.
            let pollers = DashboardPollers(
                groups: [(DataKind.allCases, RedisConnectionOptions(endpoint: server.endpoint))],
                clientName: ClientName.dashboard("t@rig", instance: "1"), patterns: KeyPatterns(),
                server: ServerInfo(endpoint: "test"), timeZone: TimeZone(identifier: "UTC")!, interval: 1, pollOnly: true,
                clock: { Date() }
            ) { _, _ in }
            let inbox = EffectRunnerTests.Inbox()
            let runner = EffectRunner(pollers: pollers, patterns: KeyPatterns(), readOnly: false, actor: "t", now: { Date() }) { message in
                inbox.messages.withLock { $0.append(message) }
            }
            runner.run(.setErrorRange(range))
            runner.run(.search(query: "boom"))
            var outcome: SearchOutcome?
            _ = eventually {
                outcome = inbox.messages.withLock { $0 }.lazy.compactMap { if case .searchFinished(let o) = $0 { o } else { nil } }.first
                return outcome != nil
            }
            guard case .success(let view) = try #require(outcome) else {
                Issue.record("search failed: \(String(describing: outcome))")
                return
            }
            #expect(view.total == 5 && Set(view.rows.map(\.toggleName)) == ["inside"], "\(view)")
            pollers.stop()
        }
    }
}
