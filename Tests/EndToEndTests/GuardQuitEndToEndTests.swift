import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The real dashboard in tmux (docs/guarded-flips.md, "From the dashboard" and "Quitting the
/// dashboard with a guard running"): Space, `g` and Enter start a guard; `q` asks; `k` quits and
/// leaves the guard to a detached `opsdeck toggles guard-resume`, which keeps the same record
/// (same token) after the terminal is gone and reverts when errors break the rule.
@Suite struct GuardQuitEndToEndTests {
    private static let record = "opsdeck:guard:{payments}"

    @Test func quittingAsksAndKeepRunningHeadlessOutlivesTheTerminal() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "payments", "toggle", "false")
            let terminal = try TerminalSession(
                command: [DashboardHarness.binary, "dashboard", "--socket", server.socketPath, "--as", "e2e-user"],
                environment: ["TZ": "UTC", "USER": "e2e"], columns: 120, rows: 30)
            defer { terminal.close() }
            _ = try terminal.waitFor("payments")
            try terminal.send(keys: "Space")
            _ = try terminal.waitFor("Flip toggle")
            try terminal.send(keys: "g")
            _ = try terminal.waitFor("errors > 20 in 5m")
            // A rule that trips at 3 errors, watched for ten minutes at most (the errors below end
            // it sooner; a one-minute guard could expire first on a busy machine, and the test
            // then saw it ended, not reverted).
            try terminal.send(keys: "C-u", "errors > 2 in 5m", "Tab", "C-u", "10m", "Enter")
            #expect(
                try eventually { try redis.execute("HGET", Self.record, "state").string == "running" },
                "screen:\n\(terminal.screen())")
            // The guard's record says "running" before the flip lands: wait for the flip too.
            #expect(try eventually { try redis.execute("HGET", "payments", "toggle").string == "true" })
            let token = try redis.execute("HGET", Self.record, "token").string
            _ = try terminal.waitFor("guarded")

            try terminal.send(keys: "q")
            let asked = try terminal.waitFor("Quit with guards running")
            #expect(asked.contains("keep running headless") && asked.contains("payments"), "\(asked)")
            #expect(terminal.exitStatus == nil, "q alone does not quit")
            try terminal.send(keys: "k")
            #expect(eventually { terminal.exitStatus != nil }, "screen:\n\(terminal.screen())")
            #expect(terminal.exitStatus == 0)
            terminal.close()

            // The terminal is gone; the same guard goes on, headless.
            #expect(try redis.execute("HGET", Self.record, "state").string == "running")
            #expect(try redis.execute("HGET", Self.record, "token").string == token, "taken over, not claimed again")
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-e2e-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: home) }
            for index in 0..<3 {
                let added = try OpsdeckRun.run(
                    [
                        "errors", "add", "--toggle", "payments", "--value", "true", "--fingerprint", "f\(index)",
                        "--exception-file", "-", "-s", server.socketPath,
                    ], stdin: "Timeout: gateway \(index)\n  at Pay.run")
                #expect(added.status == 0, "\(added.stderr)")
            }
            #expect(
                try eventually { try redis.execute("HGET", Self.record, "state").string == "reverted" },
                "the headless guard never reverted")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
            let newest = try redis.execute("LINDEX", "opsdeck:audit:{payments}", 0).string ?? ""
            #expect(newest.contains("auto-revert: 3 errors in 5m > 2") && newest.contains("e2e-user"), "\(newest)")
        }
    }
}
