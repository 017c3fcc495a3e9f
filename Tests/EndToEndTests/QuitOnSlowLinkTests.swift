import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 7: on a link that sends one byte every 100 ms, a poll takes minutes; `q` must
/// still end the process promptly, not only give the terminal back.
@Suite struct QuitOnSlowLinkTests {
    @Test func quitEndsTheProcessWhileAPollIsInFlight() throws {
        try withServer { server in
            try server.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            let proxy = try FaultProxy(backend: server.endpoint, rules: [FaultRule(nil, .dribble(bytes: 1, interval: 0.1))])
            defer { proxy.stop() }
            let terminal = try TerminalSession(
                command: [DashboardHarness.binary, "dashboard", "--url", proxy.url],
                environment: ["TZ": "UTC", "USER": "e2e"], columns: 120, rows: 30)
            defer { terminal.close() }
            _ = try terminal.waitFor("Toggles")
            // A poll is under way: commands have reached the proxy.
            #expect(eventually { proxy.commandNames.contains { !["CLIENT", "AUTH", "SELECT"].contains($0) } })
            try terminal.send(keys: "q")
            // Roomy: the point is "not after the poll in flight", which takes minutes here.
            let exited = eventually(timeout: 20) { terminal.exitStatus != nil }
            #expect(exited, "opsdeck still runs after q; screen:\n\(terminal.screen())")
            #expect(terminal.exitStatus == 0)
        }
    }
}
