import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 23, bug 6: the status bar's command rate counts what opsdeck sent. Checked against the
/// server's own `INFO commandstats`: the commands the polls counted are the calls the server
/// saw, one for one, error storm or not (a count, not a timing).
@Suite struct CommandRateTests {
    static func serverCalls(_ redis: RedisConnection) throws -> Int {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        var total = 0
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            guard let calls = line.split(separator: ",").first?.split(separator: "=").last, let n = Int(calls) else { continue }
            total += n
        }
        return total
    }

    @Test func onRediSearch1() throws { try withConnection(.search1) { redis, _ in try Self.check(redis, module: 1) } }
    @Test func onRediSearch2() throws { try withConnection(.search2) { redis, _ in try Self.check(redis, module: 2) } }
    @Test func withoutAModule() throws { try withConnection(.plain) { redis, _ in try Self.check(redis, module: 0) } }

    static func check(_ redis: RedisConnection, module: Int) throws {
        do {
            let env = OpsEnvironment(redis: redis, actor: "test")
            if module != 0 { try ErrorStore().createIndex(env) }
            let now = Date()
            var seed: [RedisCommand] = (0..<20).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "on") }
            for i in 0..<300 {
                let id = ErrorID.make(toggle: "t\(i % 4)", date: now.addingTimeInterval(-Double(i)))
                let fields = ["toggleName", "t\(i % 4)", "toggleValue", "True", "fingerPrint", "dev", "exceptionBody", "E: \(i % 3)"]
                seed.append(module == 1
                    ? RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + fields)
                    : RedisCommand("HSET", [env.patterns.errorPrefix + id] + fields))
            }
            try ReplyFailure.check(try redis.send(seed))

            let sender = CountingSender(redis)
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let before = try Self.serverCalls(redis)
            for request in [PollRequest.everything, .routine, .routine, .everything] {
                _ = try source.poll(PollContext(redis: sender, request: request, commandsSent: sender.commandsSent))
            }
            let after = try Self.serverCalls(redis)
            // The first INFO is counted in `after`, the second not yet.
            #expect(sender.commandsSent > 0)
            #expect(sender.commandsSent == after - before - 1, "opsdeck's count must be the server's")
        }
    }
}
