import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 23, steady cost with a big index, at the feed on real servers: a pass over an index
/// that did not change reads no id and no body; new records cost their own ids and bodies only;
/// the counts stay exact. Counted in commands sent, never timed.
@Suite struct ErrorIdWalkFeedTests {
    static func isErrorKey(_ command: RedisCommand) -> Bool {
        guard command.arguments.count > 1 else { return false }
        let key = String(decoding: command.arguments[1], as: UTF8.self)
        return key.hasPrefix("error:") || ErrorID.time(of: key) != nil
    }

    static func write(_ redis: RedisConnection, _ flavor: ServerFlavor, count: Int, from start: Int, now: Date) throws {
        let env = OpsEnvironment(redis: redis, actor: "test")
        var commands: [RedisCommand] = []
        for i in start..<(start + count) {
            let toggle = "t\(i % 4)"
            let id = ErrorID.make(toggle: toggle, date: now.addingTimeInterval(-Double(i % 600)), sequence: i / 600 + 1)
            let fields = ["toggleName", toggle, "toggleValue", "True", "fingerPrint", "dev", "exceptionBody", "E: \(i % 3)"]
            commands.append(
                flavor == .search1
                    ? RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + fields)
                    : RedisCommand("HSET", [env.patterns.errorPrefix + id] + fields))
        }
        try ReplyFailure.check(try redis.send(commands))
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func aSteadyIndexCostsNoIdsAndNewRecordsOnlyTheirOwn(flavor: ServerFlavor) throws {
        try withConnection(flavor) { redis, _ in
            if flavor != .plain { try ErrorStore().createIndex(OpsEnvironment(redis: redis, actor: "test")) }
            try redis.send((0..<20).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "on") })
            let now = Date()
            try Self.write(redis, flavor, count: 1_200, from: 0, now: now)
            let recorder = CommandRecorder(redis)
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            func pass() throws -> DashboardSnapshot {
                recorder.reset()
                return try source.poll(PollContext(redis: recorder, request: .everything))
            }
            let first = try pass()
            #expect(first.errorRates?.values.map(\.count).reduce(0, +) == 1_200)
            let ledger = source[ErrorsFeed.self].idLedger
            if flavor != .plain { #expect(ledger.idsRead == 1_200) }

            // Nothing changed: no id walked, no body read.
            let steady = try pass()
            #expect(walks(recorder).isEmpty, "\(walks(recorder).count) FT.SEARCH")
            #expect(recorder.sent(named: "HGETALL").filter(Self.isErrorKey).isEmpty)
            #expect(source[ErrorsFeed.self].idLedger.idsRead == ledger.idsRead)
            if flavor == .plain { #expect(source[ErrorsFeed.self].idLedger.clientSideReads == 0) }
            #expect(steady.errorRates?.values.map(\.count).reduce(0, +) == 1_200)

            // Seven new records: one page of ids (with the edge) and seven bodies.
            try Self.write(redis, flavor, count: 7, from: 1_200, now: now)
            let grown = try pass()
            #expect(recorder.sent(named: "HGETALL").filter(Self.isErrorKey).count == 7)
            if flavor == .plain {
                #expect(source[ErrorsFeed.self].idLedger.clientSideReads == 7)
            } else {
                #expect(walks(recorder).count == 1)
                #expect(source[ErrorsFeed.self].idLedger.idsRead == ledger.idsRead + 8)
            }
            #expect(grown.errorRates?.values.map(\.count).reduce(0, +) == 1_207)
            #expect(grown.errorCounts?.first { $0.toggle == "t0" }?.count == 302)
        }
    }

    /// The id walks sent: `FT.SEARCH` pages (1.x) and `FT.AGGREGATE` pages (2.x).
    func walks(_ recorder: CommandRecorder) -> [RedisCommand] {
        recorder.sent(named: "FT.SEARCH") + recorder.sent(named: "FT.AGGREGATE")
    }
}
