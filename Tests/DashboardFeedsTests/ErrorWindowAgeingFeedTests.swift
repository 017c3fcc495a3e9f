import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import Synchronization
import TestSupport
import Testing

/// Issue 23: records that age out of the window leave the counts as time passes, without a
/// re-read, on the next poll. The storm trial found the figures waiting for the next overview
/// pass (which the idle budget spaces out by its cost) while the pane said "current": 4,004
/// errors shown for a toggle whose errors had all left the window. The feed's clock is moved
/// past the window's edge; nothing is written; the very next routine poll must say it.
@Suite struct ErrorWindowAgeingFeedTests {
    /// Polling, and (2.x, whose error keys the server reports) a live poll where nothing was
    /// reported.
    @Test(arguments: [(ServerFlavor.search1, false), (.search2, false), (.search2, true)])
    func errorsLeaveTheWindowOnTheNextPollWithNoRead(flavor: ServerFlavor, live: Bool) throws {
        try withConnection(flavor) { redis, _ in
            let env = OpsEnvironment(redis: redis, actor: "test")
            try ErrorStore().createIndex(env)
            try redis.send((0..<2).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "on") })
            let start = Date()
            // Three errors of t0 near the window's far edge (900 s), two of t1 just now.
            for (i, (toggle, age)) in [("t0", 880.0), ("t0", 880), ("t0", 870), ("t1", 5), ("t1", 5)].enumerated() {
                let id = ErrorID.make(toggle: toggle, date: start.addingTimeInterval(-age), sequence: i + 1)
                try ErrorFixtures.seed(env, flavor, id: id, toggle: toggle, body: "E: \(i)")
            }
            let clock = Mutex(start)
            var source = DashboardSource(
                patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"),
                clock: { clock.withLock { $0 } })
            let first = try source.poll(PollContext(redis: redis, request: .everything))
            #expect(first.errorRates?["t0"]?.count == 3 && first.errorRates?["t1"]?.count == 2, "\(String(describing: first.errorRates))")

            // 40 s later by the feed's clock: t0's three have left the 15-minute window.
            clock.withLock { $0 = start.addingTimeInterval(40) }
            let recorder = CommandRecorder(redis)
            let later = try source.poll(
                PollContext(redis: recorder, request: .routine, updates: live ? .live : .polling(reason: nil)))
            #expect(later.errorRates?["t0"] == nil && later.errorRates?["t1"]?.count == 2, "\(String(describing: later.errorRates))")
            #expect(later.errorCounts?.map(\.toggle) == ["t1"], "\(String(describing: later.errorCounts))")
            // From what was read: no id walked, no body read.
            #expect(recorder.sent(named: "FT.SEARCH").isEmpty && recorder.sent(named: "FT.AGGREGATE").isEmpty)
            let bodies = recorder.sent(named: "HGETALL").filter { !$0.arguments[1].starts(with: Array("toggle:".utf8)) }
            #expect(bodies.isEmpty, "\(bodies)")
        }
    }
}
