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

    /// The status bar's figure in the dashboard's steady state is the server's own count: over
    /// the trailing 30 s of routine polls (a clock the test moves, a second a poll), the rate
    /// times 30 is the calls `INFO commandstats` saw from those polls, and the first poll's
    /// burst (reading every error) has left it.
    @Test func theSteadyStateRateIsTheServersOwnCount() throws {
        try withConnection(.search2) { redis, _ in
            let env = OpsEnvironment(redis: redis, actor: "test")
            try ErrorStore().createIndex(env)
            let now = Date()
            var seed: [RedisCommand] = (0..<20).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "on") }
            for i in 0..<1_000 {
                let id = ErrorID.make(toggle: "t\(i % 4)", date: now.addingTimeInterval(-Double(i)))
                seed.append(
                    RedisCommand(
                        "HSET", env.patterns.errorPrefix + id, "toggleName", "t\(i % 4)", "toggleValue", "True",
                        "fingerPrint", "dev", "exceptionBody", "E: \(i % 3)"))
            }
            try ReplyFailure.check(try redis.send(seed))
            let clock = ManualClock(now)
            let sender = CountingSender(redis)
            var source = DashboardSource(
                patterns: KeyPatterns(toggles: "toggle:*"), server: ServerInfo(endpoint: "test"), clock: { clock.now })
            var rates: [Double?] = []
            var serverTotals: [Int] = []
            let baseline = try Self.serverCalls(redis).values.reduce(0, +)
            for second in 0...45 {
                clock.now = now.addingTimeInterval(Double(second))
                let snapshot = try source.poll(
                    PollContext(redis: sender, request: second == 0 ? .everything : .routine, commandsSent: sender.commandsSent))
                rates.append(snapshot.commandsPerSecond)
                // The server's calls before poll `second + 1` (its rate samples the count then),
                // less the test's own INFO calls (each counted from the next read on).
                serverTotals.append(try Self.serverCalls(redis).values.reduce(0, +) - baseline - (second + 1))
            }
            let burst = serverTotals[0]
            #expect(burst > 100, "the first poll read every error: \(burst) calls")
            // The rate at poll 45 covers the commands sent before polls 15...45: polls 15 to 44.
            let steady = try #require(rates[45])
            let seen = Double(serverTotals[44] - serverTotals[14]) / 30
            #expect(abs(steady - seen) < 1e-9, "status bar \(steady) cmd/s, server \(seen) cmd/s")
            #expect(steady < Double(burst) / 30, "the burst is not in the steady figure")
        }
    }
}

/// A clock a test moves by hand; read from the poller's side within the same thread.
final class ManualClock: @unchecked Sendable {
    var now: Date
    init(_ now: Date) { self.now = now }
}
