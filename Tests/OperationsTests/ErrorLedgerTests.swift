import Foundation
import LocalRedis
@testable import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Issue 23, steady cost with a big index: the overview keeps the ids it read (`ErrorIdLedger`)
/// and reads only those added since; a full re-read only when the index changed shape. Proved
/// by counting the commands sent and the ids read per pass, on real RediSearch 1.x and 2.x.
@Suite struct ErrorLedgerTests {
    static let now = ErrorFixtures.clock

    static func seed(_ env: OpsEnvironment, _ flavor: ServerFlavor, _ toggle: String, at offsets: [Double]) throws {
        for offset in offsets {
            try ErrorFixtures.seed(
                env, flavor, id: ErrorID.make(toggle: toggle, date: now.addingTimeInterval(offset)),
                toggle: toggle, body: "java.lang.IllegalStateException: \(toggle)")
        }
    }

    /// 30 errors of `old` a day ago, 20 of `culprit` over the last 10 minutes, 50 of `storm`
    /// in the last minute, written in that order; and `env` with a recorder of its commands.
    static func seedHundred(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws -> (CommandRecorder, OpsEnvironment) {
        try seed(env, flavor, "old", at: (0..<30).map { -86_400 - Double($0) })
        try seed(env, flavor, "culprit", at: (0..<20).map { -600 + Double($0) * 10 })
        try seed(env, flavor, "storm", at: (0..<50).map { -60 + Double($0) })
        let recorder = CommandRecorder(env.redis)
        var recorded = env
        recorded.redis = recorder
        return (recorder, recorded)
    }

    /// What the incremental read stands on, checked on the real modules (insertion order is
    /// not id order here): 1.x's `FT.SEARCH … SCORER DOCSCORE` answers newest first, 2.x's
    /// `FT.AGGREGATE … LOAD @__key` oldest first.
    @Test(arguments: [ServerFlavor.search1, .search2])
    func documentOrderIsTheInsertionOrder(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            let toggles = (0..<40).map { "t\(($0 * 7) % 13)x\($0)" }
            for (i, toggle) in toggles.enumerated() { try Self.seed(env, flavor, toggle, at: [Double(-i)]) }
            let order: [String]
            if flavor == .search1 {
                let reply = try ErrorStore().ftSearch(env, "*", ["RETURN", 1, "toggleName", "SCORER", "DOCSCORE", "LIMIT", 0, 100])
                order = reply.records(prefix: nil).map(\.toggleName)
                #expect(order == toggles.reversed())
            } else {
                let reply = try env.redis.execute("FT.AGGREGATE", env.patterns.errorIndex, "*", "LIMIT", 0, 100, "LOAD", 1, "@toggleName")
                order = (reply.array ?? []).dropFirst().compactMap { $0.pairs?.first?.1 }
                #expect(order == toggles)
            }
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2])
    func aSteadyIndexIsReadOnceAndNewIdsOnly(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            let (recorder, recorded) = try Self.seedHundred(env, flavor)
            var store = ErrorStore(module: try SearchModule.detect(env))
            store.walkPageSize = 40
            var ledger = ErrorIdLedger()
            let since = Self.now.addingTimeInterval(-900)
            var known: [String: ErrorRecord] = [:]
            func pass(_ since: Date) throws -> ErrorOverview {
                recorder.reset()
                let overview = try store.overview(recorded, latest: 10, since: since, windowLimit: 30, known: known, ledger: &ledger)
                known = Dictionary((overview.window + overview.latest.records).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                return overview
            }

            let first = try pass(since)
            #expect(ledger.lastPass == .full(reason: "first read"))
            #expect(ledger.idsRead == 100)
            #expect(first.counts == ["old": 30, "culprit": 20, "storm": 50])
            #expect(first.windowTotals.map(\.count) == [50, 20])

            // Nothing new: one FT.INFO, no id and no body read.
            let idsBefore = ledger.idsRead
            let second = try pass(since)
            #expect(ledger.lastPass == .unchanged)
            #expect(recorder.sent.map(\.name) == ["FT.INFO"], "\(recorder.sent.map(\.name))")
            #expect(ledger.idsRead == idsBefore)
            #expect(second.windowStamps == first.windowStamps && second.counts == first.counts)

            // Five new records: their ids (and the edge) and their bodies, nothing else.
            try Self.seed(env, flavor, "culprit", at: (1...5).map { Double($0) - 10 })
            let third = try pass(since)
            #expect(ledger.lastPass == .incremental(added: 5))
            #expect(ledger.idsRead == idsBefore + 6, "the five new ids and the edge")
            #expect(walks(recorder).count == 1)
            #expect(recorder.sent(named: "HGETALL").count == 5, "only the new bodies")
            #expect(third.counts["culprit"] == 25 && third.latest.total == 105)
            #expect(third.windowTotals.first { $0.toggle == "culprit" }?.count == 25)
            #expect(third.latest.records.first?.toggleName == "culprit")

            // Time passes: the culprit's early errors leave the window with no read.
            let later = since.addingTimeInterval(400)
            let fourth = try pass(later)
            #expect(ledger.lastPass == .unchanged)
            #expect(walks(recorder).isEmpty)
            let expected = (0..<20).filter { -600 + Double($0) * 10 >= -500 }.count + 5
            #expect(fourth.windowTotals.first { $0.toggle == "culprit" }?.count == expected)

            // A wider window than the ids kept: a full re-read.
            _ = try pass(since)
            #expect(ledger.lastPass == .full(reason: "window wider than the ids kept"))

            // A record deleted: the index changed shape, a full re-read with exact counts.
            let gone = ErrorID.make(toggle: "storm", date: Self.now.addingTimeInterval(-60))
            if flavor == .search1 {
                try env.redis.execute("FT.DEL", env.patterns.errorIndex, gone)
            } else {
                try env.redis.execute("DEL", env.patterns.errorPrefix + gone)
            }
            let sixth = try pass(since)
            guard case .full = ledger.lastPass else {
                Issue.record("\(ledger.lastPass)")
                return
            }
            #expect(sixth.counts["storm"] == 49 && sixth.latest.total == 104)
        }
    }

    /// The index dropped and recreated with other records: a full re-read, never a merge.
    @Test(arguments: [ServerFlavor.search1, .search2])
    func aRecreatedIndexIsReadAgain(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try Self.seed(env, flavor, "before", at: (0..<10).map { -Double($0) })
            var ledger = ErrorIdLedger()
            let store = ErrorStore(module: try SearchModule.detect(env))
            let since = Self.now.addingTimeInterval(-900)
            _ = try store.overview(env, latest: 5, since: since, ledger: &ledger)
            try env.redis.execute("FLUSHALL")
            try ErrorStore().createIndex(env)
            try Self.seed(env, flavor, "after", at: (0..<12).map { -Double($0) })
            let again = try store.overview(env, latest: 5, since: since, ledger: &ledger)
            guard case .full = ledger.lastPass else {
                Issue.record("a recreated index was read as \(ledger.lastPass)")
                return
            }
            #expect(again.counts == ["after": 12])
        }
    }

    /// The id walks sent: `FT.SEARCH` pages (1.x) and `FT.AGGREGATE` pages (2.x).
    func walks(_ recorder: CommandRecorder) -> [RedisCommand] {
        recorder.sent(named: "FT.SEARCH") + recorder.sent(named: "FT.AGGREGATE")
    }
}
