import Demo
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// The Server pane with the real binary in a real terminal: on one server two dashboards see
/// each other and one sees the other's open flip dialog; on a 3-master cluster every master
/// and the slot coverage; behind Sentinel the master with its replica, and a failover said.
@Suite struct ServerPaneEndToEndTests {
    private func dashboard(_ arguments: [String], as actor: String) throws -> TerminalSession {
        try TerminalSession(
            command: [DashboardHarness.binary, "dashboard"] + arguments + ["--interval", "0.5", "--as", actor],
            environment: ["TZ": "UTC", "USER": "e2e"], columns: 160, rows: 48)
    }

    /// The Server pane reads within the idle budget: on a busy machine a read that took 20 ms
    /// comes back only every 20 s. The waits are roomy for that; none measures time.
    static let budgetWait: Double = 90

    @Test func twoDashboardsSeeEachOtherAndAnOpenFlipDialog() throws {
        let alice = try DashboardHarness(columns: 160, rows: 48, extra: ["--as", "alice@box"])
        defer { alice.close() }
        let bob = try dashboard(["--socket", alice.server.socketPath], as: "bob@laptop")
        defer { bob.close() }
        try bob.send(keys: "5")
        let seen = try bob.waitUntil(timeout: Self.budgetWait, description: "alice in bob's Server pane") {
            $0.contains("5 Server · 1 other opsdeck user") && $0.contains("  alice@box · idle")
        }
        for part in ["master · ops/s", "memory", "no replicas", "Slow log, newest first", "Deployment one server"] {
            #expect(seen.contains(part), "missing \(part):\n\(seen)")
        }
        try alice.terminal.send(keys: "5")
        try alice.terminal.waitFor("  bob@laptop · idle", timeout: Self.budgetWait)

        // Alice opens the flip dialog of a toggle: bob's pane says so, and bob's own dialog for
        // the same toggle warns him.
        try alice.terminal.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try alice.terminal.waitFor("Flip toggle", timeout: 10)
        try bob.waitFor("alice@box · flip dialog open: useNewAlgorithm", timeout: Self.budgetWait)
        try bob.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try bob.waitFor("Also open by alice@box: agree who flips it", timeout: Self.budgetWait)
        // Alice cancels: the warning's source goes away from bob's Server pane.
        try alice.terminal.send(keys: "Escape")
        try bob.send(keys: "Escape", "5")
        try bob.waitUntil(timeout: Self.budgetWait, description: "alice no longer flipping") {
            $0.contains("  alice@box · idle") && !$0.contains("flip dialog open")
        }
    }

    @Test func everyMasterOfAClusterAndItsSlots() throws {
        try SharedCluster.exclusive { cluster in
            var seeder = DemoSeeder(sessions: 20, errors: 4, now: Date(), seed: 5)
            try seeder.load(into: ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint())))
            let terminal = try dashboard(["--url", cluster.url(node: 1)], as: "e2e@cluster")
            defer { terminal.close() }
            try terminal.send(keys: "5")
            let masters = cluster.ports.prefix(3).map { "127.0.0.1:\($0) master · ops/s" }
            try terminal.waitUntil(timeout: Self.budgetWait, description: "three masters, the slots, the shape") { screen in
                masters.allSatisfy(screen.contains) && screen.contains("Cluster ok · 16,384 of 16,384 slots served")
                    && screen.contains("5 Server · 3 servers") && screen.contains("Deployment cluster · 3 masters")
            }
        }
    }

    @Test func theMasterAndItsReplicaBehindSentinelAndAFailover() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        try set.master.connect().execute("HSET", "darkMode", "toggle", "False")
        let terminal = try dashboard(["--url", set.url], as: "e2e@sentinel")
        defer { terminal.close() }
        try terminal.send(keys: "5")
        try terminal.waitUntil(timeout: Self.budgetWait, description: "the master and its replica") {
            $0.contains("127.0.0.1:\(set.dataPorts[0]) master · ops/s") && $0.contains("replicas: 127.0.0.1:\(set.dataPorts[1]) online")
                && $0.contains("Deployment sentinel mymaster → 127.0.0.1:\(set.dataPorts[0]) · no failover seen")
        }

        let promoted = try set.failover()
        try terminal.waitUntil(timeout: Self.budgetWait, description: "the failover said, the new master shown") {
            $0.contains("Deployment sentinel mymaster → 127.0.0.1:\(promoted) · last failover")
                && $0.contains("127.0.0.1:\(promoted) master · ops/s")
        }
    }
}
