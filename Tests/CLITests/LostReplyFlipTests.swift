import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 2: a flip whose reply is lost reports what the server did, learned from the
/// flip's id in its audit entry after reconnecting; only a server that stays unreachable leaves
/// the outcome unknown (exit 7, with the command that tells).
@Suite struct LostReplyFlipTests {
    private let audit = "opsdeck:audit:{useNewAlgorithm}"

    private func state(_ server: RedisServerProcess) throws -> (value: String?, audits: Int) {
        let redis = try server.connect()
        defer { redis.close() }
        let value = try redis.execute("HGET", "useNewAlgorithm", "toggle").string
        let audits = try redis.execute("LLEN", audit).int ?? -1
        return (value, Int(audits))
    }

    /// Lost after the server ran it, lost before the server saw it, or not lost: over several
    /// flips the exit code and the server agree every time, and each applied flip is audited once.
    @Test func theReportedOutcomeMatchesTheServer() throws {
        try withServer { server in
            try server.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            let proxy = try FaultProxy(backend: server.endpoint)
            defer { proxy.stop() }
            let faults: [Fault?] = [
                .dropAfterCommand, .dropBeforeCommand, nil, .dropAfterCommand, .resetBeforeCommand,
                .dropAfterCommand, .hangAfterCommand, .dropBeforeCommand,
            ]
            var on = true
            var applied = 0
            for fault in faults {
                proxy.setRules(fault.map { [FaultRule("EVAL", $0, times: 1)] } ?? [])
                let before = try state(server)
                let run = try OpsdeckRun.run([
                    "toggles", "set", "useNewAlgorithm", on ? "off" : "on",
                    "--url", proxy.url, "--timeout", "3",
                ])
                let after = try state(server)
                let changed = after.value != before.value
                if changed { on.toggle() }
                if changed && run.status != 7 {
                    applied += 1
                    #expect(run.status == 0, "\(String(describing: fault)): applied but exit \(run.status): \(run.stderr)")
                } else if run.status == 7 {
                    // Only a reply that never came, using up the whole deadline, leaves no time
                    // to ask: then the outcome is unknown, said so with the command that tells.
                    #expect(fault.map { if case .hangAfterCommand = $0 { true } else { false } } == true, "\(run.stderr)")
                    #expect(run.stderr.contains("toggles history useNewAlgorithm --json"), "\(run.stderr)")
                } else {
                    #expect(run.status == 69, "\(String(describing: fault)): not applied but exit \(run.status): \(run.stderr)")
                }
                if fault == nil || fault.map({ if case .dropAfterCommand = $0 { true } else { false } }) == true {
                    #expect(changed, "\(String(describing: fault)): the flip should have reached the server")
                }
                if case .dropAfterCommand = fault { #expect(run.stderr.contains("reply was lost"), "\(run.stderr)") }
                #expect(after.audits == before.audits + (changed ? 1 : 0), "\(String(describing: fault)): audits")
            }
            #expect(applied >= 4)
        }
    }

    /// The reply is lost and the server cannot be asked again within the deadline: exit 7, and
    /// the command it names tells the truth (here: applied).
    @Test func anUnreachableServerLeavesTheOutcomeUnknownAndSaysHowToTell() throws {
        try withServer { server in
            try server.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            let proxy = try FaultProxy(
                backend: server.endpoint,
                rules: [
                    FaultRule("EVAL", .dropAfterCommand), FaultRule("LRANGE", .dropBeforeCommand),
                ])
            defer { proxy.stop() }
            let run = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "off", "--url", proxy.url, "--timeout", "2"])
            #expect(run.status == 7, "exit \(run.status): \(run.stderr)")
            #expect(run.stderr.contains("unknown whether"), "\(run.stderr)")
            let check = "opsdeck toggles history useNewAlgorithm --json"
            #expect(run.stderr.contains(check), "\(run.stderr)")
            guard let idRange = run.stderr.range(of: #""id": "[0-9a-f]{16}""#, options: .regularExpression) else {
                Issue.record("no flip id in \(run.stderr)")
                return
            }
            let history = try OpsdeckRun.run(["toggles", "history", "useNewAlgorithm", "--json", "-s", server.socketPath])
            #expect(history.status == 0)
            let id = run.stderr[idRange].dropFirst(7).dropLast()
            #expect(history.stdout.contains(String(id)), "the check command does not show flip \(id): \(history.stdout)")
            #expect(try state(server).value == "False")
        }
    }
}
