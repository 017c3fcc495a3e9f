import Foundation
import LocalRedis
@testable import Operations
import OperationsTestSupport
import RedisClient
import Synchronization
import TestSupport
import Testing

/// Issue 23, first figures on a big index: the first walk over every id hands over what it has
/// read, newest first, a slice (`walkPagesPerPass`) per overview, labelled by
/// `ErrorOverview.counting`; once done it is a full read, and the passes after it stay
/// incremental. Errors written while it walks are counted once. Real RediSearch 1.x and 2.x;
/// counts ids and commands, never time.
@Suite struct ErrorWalkTests {
    @Test(arguments: [ServerFlavor.search1, .search2])
    func theFirstWalkHandsOverTheNewestFirstThenGoesIncremental(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            // Written oldest kind first: the index's newest 50 are storm's.
            let (recorder, recorded) = try ErrorLedgerTests.seedHundred(env, flavor)
            var store = ErrorStore(module: try SearchModule.detect(env))
            store.walkPageSize = 20
            store.walkPagesPerPass = 1
            var ledger = ErrorIdLedger()
            let since = ErrorLedgerTests.now.addingTimeInterval(-900)
            func pass() throws -> ErrorOverview {
                recorder.reset()
                return try store.overview(recorded, latest: 10, since: since, windowLimit: 30, ledger: &ledger)
            }
            func walkPages() -> Int { recorder.sent(named: "FT.SEARCH").count + recorder.sent(named: "FT.AGGREGATE").count }

            let first = try pass()
            #expect(first.counting == ErrorIdLedger.Counting(read: 20, of: 100))
            #expect(ledger.lastPass == .counting(read: 20, of: 100))
            #expect(first.counts == ["storm": 20], "the newest 20 first")
            #expect(first.latest.records.count == 10 && first.latest.records.allSatisfy { $0.toggleName == "storm" })
            // 1.x also reads the index's first page for the newest list while the walk goes on.
            #expect(walkPages() == (flavor == .search1 ? 2 : 1))

            let second = try pass()
            #expect(second.counting == ErrorIdLedger.Counting(read: 40, of: 100))
            #expect(second.counts == ["storm": 40])
            // Written while the walk goes on: newer than where it started.
            try ErrorLedgerTests.seed(env, flavor, "late", at: [-5, -4, -3])
            if flavor == .search1 {
                // 1.x: the newest list shows them at once, though the walk has not reached them.
                let third = try pass()
                #expect(third.counting != nil)
                #expect(
                    third.latest.records.prefix(3).map(\.toggleName) == ["late", "late", "late"],
                    "\(third.latest.records.map(\.toggleName))")
            }

            var passes = flavor == .search1 ? 3 : 2
            var last = second
            while last.counting != nil && passes < 20 {
                last = try pass()
                passes += 1
            }
            #expect(last.counting == nil)
            #expect(ledger.lastPass == .full(reason: "first read"))
            #expect(last.counts == ["old": 30, "culprit": 20, "storm": 50], "every id the walk began with, once")

            let after = try pass()
            #expect(ledger.lastPass == .incremental(added: 3))
            #expect(after.counting == nil)
            #expect(after.counts == ["old": 30, "culprit": 20, "storm": 50, "late": 3])
            #expect(after.windowTotals.map(\.count) == [50, 20, 3])

            _ = try pass()
            #expect(ledger.lastPass == .unchanged)
            #expect(walkPages() == 0)
        }
    }
}

/// RediSearch answers a query past its timeout (500 ms by default) with a short page, or
/// none, and no sign of it: seen on 1.x at 1,000,000 records on a loaded machine, where the
/// walk then stopped at 195,150 ids and called them exact. Here a `FaultProxy` answers the
/// first page with the index's total and no documents.
@Suite struct ErrorWalkShortPageTests {
    @Test func anEmptyPageIsNotTheEndOfTheIndex() throws {
        try ErrorFixtures.with(.search1) { env, server in
            _ = try ErrorLedgerTests.seedHundred(env, .search1)
            let proxy = try FaultProxy(
                backend: server.endpoint, rules: [FaultRule("FT.SEARCH", .reply(Array("*1\r\n:100\r\n".utf8)), times: 1)])
            defer { proxy.stop() }
            let link = RedisConnection(endpoint: try RedisEndpoint(url: proxy.url))
            defer { link.close() }
            var proxied = env
            proxied.redis = link
            var store = ErrorStore(module: SearchModule(generation: .v1))
            store.walkPageSize = 20
            store.walkPagesPerPass = 1
            var ledger = ErrorIdLedger()
            let since = ErrorLedgerTests.now.addingTimeInterval(-900)
            // The environment's clock, moved by the test: the page is asked again later, not at
            // once (a deep page that times out must not be re-run every poll).
            let clock = Mutex(Date())
            proxied.now = { clock.withLock { $0 } }
            let recorder = CommandRecorder(link)
            proxied.redis = recorder
            let first = try store.overview(proxied, latest: 10, since: since, windowLimit: 30, ledger: &ledger)
            #expect(first.counting == ErrorIdLedger.Counting(read: 0, of: 100), "an empty page called the index read")
            recorder.reset()
            let soon = try store.overview(proxied, latest: 10, since: since, windowLimit: 30, ledger: &ledger)
            // Walk pages ask for `walkPageSize` ids (the newest list's first page asks for 10).
            let walkPages = recorder.sent(named: "FT.SEARCH").filter { $0.arguments.last == Array("20".utf8) }
            #expect(walkPages.isEmpty, "asked again at once: \(walkPages.count)")
            #expect(soon.counting == ErrorIdLedger.Counting(read: 0, of: 100), "still counting, said so")
            clock.withLock { $0 = $0.addingTimeInterval(store.walkRetryBase) }
            var last = soon
            for _ in 0..<20 where last.counting != nil {
                last = try store.overview(proxied, latest: 10, since: since, windowLimit: 30, ledger: &ledger)
            }
            #expect(last.counting == nil)
            #expect(last.counts == ["old": 30, "culprit": 20, "storm": 50])
        }
    }
}
