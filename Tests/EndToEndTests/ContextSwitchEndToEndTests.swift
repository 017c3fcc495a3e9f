import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 25: `:ctx NAME` in a real terminal against two real servers (two contexts, one marked
/// production): the whole feed moves, nothing of the old context stays on screen or connected,
/// and the production badge and flip guard are there exactly as starting in that context.
@Suite(.serialized) struct ContextSwitchEndToEndTests {
    @Test func ctxSwitchesServersAndTheProductionGuard() throws {
        let staging = try RedisServerProcess()
        defer { staging.shutdown() }
        let prod = try RedisServerProcess()
        defer { prod.shutdown() }
        let onStaging = try staging.connect()
        let onProd = try prod.connect()
        try onStaging.execute("HSET", "stagingOnlyFlag", "toggle", "True")
        try onProd.execute("HSET", "prodOnlyFlag", "toggle", "False")
        let folder = URL(fileURLWithPath: staging.socketPath).deletingLastPathComponent()
        let config = folder.appendingPathComponent("config.yaml")
        try """
        contexts:
          staging:
            url: unix://\(staging.socketPath)
          prod:
            url: unix://\(prod.socketPath)
            production: true
        """.write(to: config, atomically: true, encoding: .utf8)
        let terminal = try TerminalSession(
            command: [
                DashboardHarness.binary, "dashboard", "--config", config.path, "--context", "staging", "--interval", "0.5",
            ],
            environment: ["TZ": "UTC", "USER": "e2e", "OPSDECK_URL": "", "XDG_STATE_HOME": folder.path], columns: 120,
            rows: 40)
        defer { terminal.close() }
        let first = try terminal.waitFor("stagingOnlyFlag")
        #expect(!first.contains("PROD"), "staging is not production:\n\(first)")

        // An unknown name is said, with the closest, and changes nothing.
        try terminal.send(keys: ":", "ctx prdo", "Enter")
        try terminal.waitFor("No context named prdo — did you mean 'prod'?")
        #expect(terminal.screen().contains("stagingOnlyFlag"))

        // Tab completes the name; the switch shows the other server's data and the badge.
        try terminal.send(keys: ":", "ctx pr", "Tab")
        try terminal.waitFor(":ctx prod")
        try terminal.send(keys: "Enter")
        let switched = try terminal.waitUntil(description: "prod's toggles and the PROD badge") {
            $0.contains("prodOnlyFlag") && $0.contains("PROD")
        }
        #expect(!switched.contains("stagingOnlyFlag"), "nothing of staging stays on screen:\n\(switched)")
        // The old context's connections are closed: only prod has the dashboard connected.
        #expect(
            eventually { (try? Self.dashboardClients(onStaging)) == 0 },
            "the dashboard's connections to staging are closed")
        #expect(try Self.dashboardClients(onProd) > 0)
        // The production guard, as when started with --context prod: the name must be typed.
        try terminal.send(keys: "Space")
        try terminal.waitFor("type the toggle name")
        try terminal.send(keys: "Escape")

        // And back: staging's data, no badge.
        try terminal.send(keys: ":", "ctx staging", "Enter")
        let back = try terminal.waitUntil(description: "staging again, without the badge") {
            $0.contains("stagingOnlyFlag") && !$0.contains("PROD")
        }
        #expect(!back.contains("prodOnlyFlag"), "nothing of prod stays on screen:\n\(back)")
        try terminal.send(keys: ":", "q", "Enter")
        #expect(eventually { !terminal.isRunning })
    }

    /// Connections named as a dashboard's (`opsdeck:…`) on this server.
    static func dashboardClients(_ redis: RedisConnection) throws -> Int {
        guard let list = try redis.execute("CLIENT", "LIST").string else { return -1 }
        return list.split(separator: "\n").filter { $0.contains(" name=opsdeck:") }.count
    }
}
