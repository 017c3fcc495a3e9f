import Demo
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// The dashboard pointed at ONE node of a 3-master cluster (the shared test cluster, the demo's
/// data spread over the slots): every pane shows every node's data, the status bar says it is
/// a cluster, and a flip of a toggle held by another node is compared, set and audited.
@Suite struct ClusterEndToEndTests {
    @Test func everyPaneCoversEveryNodeAndAFlipReachesTheOwner() throws {
        try SharedCluster.exclusive { cluster in
            let redis = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint()))
            var seeder = DemoSeeder(sessions: 90, errors: 12, now: Date(), seed: 11)
            try seeder.load(into: redis)
            let toggles = try ToggleStore.list(OpsEnvironment(redis: redis)).count
            let sessions = try KeyScanner.collect(on: redis, pattern: "session:*", type: "hash").count
            let lists = try KeyScanner.collect(on: redis, pattern: "recent:*:*", type: "list")
            // The data really is spread: every master holds toggles, sessions and log lists.
            for node in 0..<3 { #expect(try cluster.connect(node: node).execute("DBSIZE").int ?? 0 > 20) }

            let terminal = try TerminalSession(
                command: [DashboardHarness.binary, "dashboard", "--url", cluster.url(node: 1), "--interval", "0.5"],
                environment: ["TZ": "UTC", "USER": "e2e"], columns: 200, rows: 56)
            defer { terminal.close() }
            // A cluster is polled (tracking is per node), and the status bar says so once the
            // invalidation channel has been refused; it never claims to be live.
            let screen = try terminal.waitUntil(description: "every toggle and session, from every node") {
                $0.contains("1 Toggles \(toggles)") && $0.contains("2 Sessions \(sessions)") && $0.contains("cluster · 3 masters")
                    && $0.contains("polling (cluster)")
            }
            #expect(!screen.contains("· live"), "\(screen)")
            #expect(lists.count > 3)

            // A toggle another node holds: flipped from the dashboard, audited beside it.
            let name = "useNewAlgorithm"
            let owner = try cluster.master(of: HashSlot.of(name))
            try terminal.send(keys: "1", "/", name, "Enter", "Space")
            try terminal.waitFor("True → False")
            try terminal.send(keys: "y")
            try terminal.waitFor("(audited)")
            let node = try cluster.connect(node: owner)
            #expect(try node.execute("HGET", name, "toggle").string == "False")
            #expect(try node.execute("LINDEX", "opsdeck:audit:{\(name)}", 0).string?.contains("e2e") == true)
            #expect(!terminal.screen().contains("log line not written"))
        }
    }
}
