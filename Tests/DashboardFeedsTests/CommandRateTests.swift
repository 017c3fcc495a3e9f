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
    /// Calls per command name (lower case; Redis 7 names subcommands `client|setname`: folded
    /// into the command), as the server counts them.
    static func serverCalls(_ redis: RedisConnection) throws -> [String: Int] {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        var calls: [String: Int] = [:]
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            let parts = line.dropFirst("cmdstat_".count).split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let value = parts[1].split(separator: ",").first?.split(separator: "=").last,
                let n = Int(value)
            else { continue }
            let name = (parts[0].split(separator: "|").first.map(String.init) ?? String(parts[0])).lowercased()
            calls[name, default: 0] += n
        }
        return calls
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
                seed.append(
                    module == 1
                        ? RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + fields)
                        : RedisCommand("HSET", [env.patterns.errorPrefix + id] + fields))
            }
            try ReplyFailure.check(try redis.send(seed))

            let recorder = CommandRecorder(redis)
            let sender = CountingSender(recorder)
            var source = DashboardSource(patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"))
            let before = try Self.serverCalls(redis)
            for request in [PollRequest.everything, .routine, .routine, .everything] {
                _ = try source.poll(PollContext(redis: sender, request: request, commandsSent: sender.commandsSent))
            }
            var after = try Self.serverCalls(redis)
            after["info", default: 0] -= 1 // the first INFO above
            #expect(sender.commandsSent > 0)
            #expect(sender.commandsSent == recorder.sent.count, "every command sent is counted once")
            // Per command opsdeck sent, the server saw as many calls (a module's own background
            // calls, under other names, are not opsdeck's).
            let sent = Dictionary(grouping: recorder.sent, by: { $0.name.lowercased() }).mapValues(\.count)
            for (name, count) in sent {
                let seen = after[name, default: 0] - before[name, default: 0]
                // The 1.x module's server sometimes takes one INFO of its own between the two reads.
                if name == "info" {
                    #expect(seen >= count && seen <= count + 1, "info \(sent)")
                } else {
                    #expect(seen == count, "\(name) \(sent): opsdeck's count must be the server's")
                }
            }
        }
    }
}
