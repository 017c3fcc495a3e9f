import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Behind Sentinels, with the real binary: the CLI writes to the master, the dashboard keeps
/// updating across a `SENTINEL FAILOVER` and says it happened, and a flip after it reaches the
/// new master.
@Suite struct SentinelEndToEndTests {
    @Test func theCLIWritesToTheMasterBeforeAndAfterAFailover() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        try set.master.connect().execute("HSET", "darkMode", "toggle", "False")
        let first = try OpsdeckRun.run(["toggles", "set", "darkMode", "on", "--expect", "off", "--url", set.url])
        #expect(first.status == 0, "\(first.allOutput)")
        let replica = try LocalSentinels.connect(port: set.dataPorts[1])
        #expect(
            eventually { (try? replica.execute("HGET", "darkMode", "toggle").string) == "True" },
            "replicated before the failover: \((try? replica.execute("INFO", "replication").string) ?? "")")
        let promoted = try set.failover()
        let second = try OpsdeckRun.run(["toggles", "set", "darkMode", "off", "--expect", "on", "--url", set.url])
        #expect(second.status == 0, "\(second.allOutput)")
        #expect(try LocalSentinels.connect(port: promoted).execute("HGET", "darkMode", "toggle").string == "False")
        let audit = try LocalSentinels.connect(port: promoted).execute("LLEN", "opsdeck:audit:{darkMode}").int
        #expect(audit == 2, "both flips audited, the first replicated to the new master")
    }

    @Test func theDashboardFollowsAFailoverAndAFlipReachesTheNewMaster() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let seed = try set.master.connect()
        try seed.execute("HSET", "useNewAlgorithm", "toggle", "True", "releaseNum", "2.5")
        try seed.execute("HSET", "checkoutV2", "toggle", "False", "releaseNum", "3.1")
        let terminal = try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--url", set.url, "--interval", "0.5"],
            environment: ["TZ": "UTC", "USER": "e2e"], columns: 200, rows: 50)
        defer { terminal.close() }
        try terminal.waitUntil(description: "the toggles, from the master the Sentinels name") {
            $0.contains("useNewAlgorithm") && $0.contains("sentinel mymaster → 127.0.0.1:\(set.dataPorts[0])")
        }

        let promoted = try set.failover()
        let moved = try terminal.waitUntil(description: "the failover said and followed") {
            $0.contains("sentinel mymaster → 127.0.0.1:\(promoted)")
        }
        #expect(moved.contains("failover"), "the status bar says a failover happened:\n\(moved)")

        // Another client changes a toggle on the new master: the screen shows it.
        try LocalSentinels.connect(port: promoted).execute("HSET", "checkoutV2", "toggle", "True")
        try terminal.waitUntil(description: "a change made after the failover") { screen in
            screen.split(separator: "\n").contains { $0.contains("checkoutV2") && $0.contains("ON") }
        }
        let stored = try LocalSentinels.connect(port: promoted).execute("EXISTS", "useNewAlgorithm").int
        #expect(stored == 1, "the toggle survived the failover on the new master")
        // A flip from the dashboard reaches the new master, with its audit.
        try terminal.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try terminal.waitFor("True → False")
        try terminal.send(keys: "y")
        try terminal.waitFor("(audited)")
        let master = try LocalSentinels.connect(port: promoted)
        #expect(try master.execute("HGET", "useNewAlgorithm", "toggle").string == "False")
        #expect(try master.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int == 1)
    }
}
