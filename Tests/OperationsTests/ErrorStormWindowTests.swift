import Foundation
import LocalRedis
@testable import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Issue 23, bug 1 at the data layer: a storm on three toggles after a quieter culprit. The
/// window's counts come from every id (exact), the bodies read are shared fairly between
/// toggles, so the culprit keeps its groups, and its first seen is its first record.
@Suite struct ErrorStormWindowTests {
    static let now = ErrorFixtures.clock

    /// 30 errors for `culprit` 10 to 5 minutes ago, then 40 each for three storm toggles in the
    /// last minute.
    static func seedStorm(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws {
        for i in 0..<30 {
            let date = now.addingTimeInterval(-600 + Double(i) * 10)
            try ErrorFixtures.seed(
                env, flavor, id: ErrorID.make(toggle: "culprit", date: date),
                toggle: "culprit", body: "java.lang.IllegalStateException: retry \(i % 2)")
        }
        for toggle in ["stormA", "stormB", "stormC"] {
            for i in 0..<40 {
                let date = now.addingTimeInterval(-60 + Double(i))
                try ErrorFixtures.seed(
                    env, flavor, id: ErrorID.make(toggle: toggle, date: date),
                    toggle: toggle, body: "java.net.SocketTimeoutException: \(toggle)")
            }
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countsAreExactAndTheCulpritStaysWhenBodiesAreBounded(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor, now: Self.now) { env, _ in
            try Self.seedStorm(env, flavor)
            var store = ErrorStore()
            store.pageSize = 50
            let since = Self.now.addingTimeInterval(-900)
            let overview = try store.overview(env, latest: 10, since: since, windowLimit: 60)
            let totals = Dictionary(overview.windowTotals.map { ($0.toggle, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(totals["culprit"]?.count == 30)
            #expect(totals["stormA"]?.count == 40 && totals["stormB"]?.count == 40 && totals["stormC"]?.count == 40)
            #expect(totals["culprit"]?.firstSeen == Self.now.addingTimeInterval(-600), "first seen is the first record")
            #expect(totals["culprit"]?.lastSeen == Self.now.addingTimeInterval(-310))
            #expect(overview.windowTruncated)
            #expect(overview.window.count == 60)
            let read = Dictionary(grouping: overview.window, by: \.toggleName).mapValues(\.count)
            #expect(read == ["culprit": 15, "stormA": 15, "stormB": 15, "stormC": 15], "shared fairly, newest first")
            let groups = ErrorGroups.build(overview.window, since: since, now: Self.now)
            #expect(Set(groups.map(\.toggle)) == ["culprit", "stormA", "stormB", "stormC"])
        }
    }

    static func hgetallCalls(_ env: OpsEnvironment) throws -> Int {
        let info = try env.redis.execute("INFO", "commandstats").string ?? ""
        guard let line = info.split(whereSeparator: \.isNewline).first(where: { $0.hasPrefix("cmdstat_hgetall:") }),
            let calls = line.split(separator: ",").first?.split(separator: "=").last
        else { return 0 }
        return Int(calls) ?? 0
    }

    /// Steady cost: bodies read once are not read again; a new record costs one read.
    @Test(arguments: [ServerFlavor.search1, .search2])
    func bodiesReadOnceAreNotReadAgain(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor, now: Self.now) { env, _ in
            try Self.seedStorm(env, flavor)
            let store = ErrorStore()
            let since = Self.now.addingTimeInterval(-900)
            let first = try store.overview(env, latest: 10, since: since, windowLimit: 60)
            var known = Dictionary((first.window + first.latest.records).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let before = try Self.hgetallCalls(env)
            let again = try store.overview(env, latest: 10, since: since, windowLimit: 60, known: known)
            #expect(try Self.hgetallCalls(env) == before, "nothing new: no body read again")
            #expect(again.window == first.window && again.windowStamps == first.windowStamps)
            try ErrorFixtures.seed(
                env, flavor, id: ErrorID.make(toggle: "culprit", date: Self.now),
                toggle: "culprit", body: "java.lang.IllegalStateException: retry 9")
            known = Dictionary((again.window + again.latest.records).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let third = try store.overview(env, latest: 10, since: since, windowLimit: 60, known: known)
            #expect(try Self.hgetallCalls(env) == before + 1, "one new record, one read")
            #expect(third.windowTotals.first { $0.toggle == "culprit" }?.count == 31)
            #expect(third.window.contains { $0.exceptionBody.hasSuffix("retry 9") })
        }
    }

    @Test func fairShareKeepsEveryToggleAndNewestFirst() {
        let records = (0..<10).map { i in
            ErrorRecord(
                id: ErrorID.make(toggle: i < 8 ? "loud" : "quiet", date: Self.now.addingTimeInterval(Double(-i))),
                key: "k\(i)", fields: ["toggleName": i < 8 ? "loud" : "quiet"])
        }
        let shared = ErrorStore.fairShare(records, limit: 4)
        #expect(shared.map(\.key) == ["k0", "k1", "k8", "k9"])
        #expect(ErrorStore.fairShare(records, limit: 20).count == 10)
    }
}
