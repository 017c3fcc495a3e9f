import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The steps, on a real 3-master cluster with the real binary pointed at ONE node:
/// before, `toggles list` showed the third of the toggles that node held, a flip of a toggle
/// held elsewhere said "not found", and the log tail missed the other nodes' lists.
@Suite(.serialized) struct ClusterCLITests {
    /// Thirty toggles, three hundred sessions and a log list per service, spread over the slots.
    private func seed(_ cluster: LocalCluster.Address) throws {
        let redis = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint()))
        try redis.send((0..<30).map { RedisCommand("HSET", "flag\($0)", "toggle", "False", "releaseNum", "1.0", "override", "") })
        try redis.send((0..<300).map { RedisCommand("HSET", "session:\($0)", "authType", $0 % 3 == 0 ? "email-user" : "sso") })
        for service in ["checkout", "search", "billing", "auth", "cart"] {
            try redis.execute("LPUSH", "recent:\(service):error", "Wed Dec  2 10:00:0\(service.count % 10) 2026 \(service) failed")
        }
    }

    @Test func everyToggleAndSessionIsListedFromOneNode() throws {
        try SharedCluster.exclusive { cluster in
            try seed(cluster)
            let toggles = try OpsdeckRun.run(["toggles", "list", "--url", cluster.url(node: 2), "--json"])
            #expect(toggles.status == 0, "\(toggles.stderr)")
            let listed = try JSONSerialization.jsonObject(with: Data(toggles.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(listed.count == 30, "every toggle, not the node's third: \(listed.count)")

            let sessions = try OpsdeckRun.run(["sessions", "list", "--url", cluster.url(node: 1), "--json", "--limit", "1000"])
            #expect(sessions.status == 0, "\(sessions.stderr)")
            let rows = try JSONSerialization.jsonObject(with: Data(sessions.stdout.utf8)) as? [[String: Any]] ?? []
            #expect(rows.count == 300, "\(rows.count)")
        }
    }

    @Test func aFlipOfAToggleHeldByAnotherNodeIsComparedSetAndAudited() throws {
        try SharedCluster.exclusive { cluster in
            try seed(cluster)
            let slot = HashSlot.of("flag7")
            let owner = try cluster.master(of: slot)
            let asked = (owner + 1) % 3
            let flip = try OpsdeckRun.run([
                "toggles", "set", "flag7", "on", "--expect", "off", "--reason", "INC-7",
                "--as", "ci-bot", "--url", cluster.url(node: asked),
            ])
            #expect(flip.status == 0, "\(flip.allOutput)")
            #expect(!flip.stderr.contains("warning"), "the log line was written too: \(flip.stderr)")
            let node = try cluster.connect(node: owner)
            #expect(try node.execute("HGET", "flag7", "toggle").string == "True")
            let audit = try node.execute("LINDEX", "opsdeck:audit:{flag7}", 0).string ?? ""
            #expect(audit.contains("ci-bot") && audit.contains("INC-7"), "the audit sits beside the toggle: \(audit)")

            let history = try OpsdeckRun.run(["toggles", "history", "flag7", "--url", cluster.url(node: asked)])
            #expect(history.status == 0 && history.stdout.contains("ci-bot"), "\(history.allOutput)")
            // Compare-and-set still holds: the stale expectation is refused.
            let stale = try OpsdeckRun.run(["toggles", "set", "flag7", "off", "--expect", "off", "--url", cluster.url(node: asked)])
            #expect(stale.status != 0 && stale.allOutput.contains("True"), "\(stale.allOutput)")
        }
    }

    @Test func theLogTailCoversEveryNode() throws {
        try SharedCluster.exclusive { cluster in
            try seed(cluster)
            let tail = try OpsdeckRun.run(["logs", "tail", "--url", cluster.url(node: 0), "--lines", "50"])
            #expect(tail.status == 0, "\(tail.stderr)")
            for service in ["checkout", "search", "billing", "auth", "cart"] {
                #expect(tail.stdout.contains("\(service) failed"), "missing \(service):\n\(tail.allOutput)")
            }
        }
    }

    @Test func errorsWithoutAModuleAreSearchedOnEveryMaster() throws {
        try SharedCluster.exclusive { cluster in
            try seed(cluster)
            for (index, toggle) in ["flag1", "flag2", "flag3", "flag4", "flag5", "flag6"].enumerated() {
                let add = try OpsdeckRun.run([
                    "errors", "add", "--toggle", toggle, "--value", "True", "--fingerprint", "Nina Q",
                    "--exception", "IllegalStateException number \(index)", "--url", cluster.url(node: index % 3),
                ])
                #expect(add.status == 0, "\(add.allOutput)")
            }
            let search = try OpsdeckRun.run([
                "errors", "search", "IllegalStateException", "--url", cluster.url(node: 1), "--json", "--limit", "1000",
            ])
            #expect(search.status == 0, "\(search.allOutput)")
            for toggle in ["flag1", "flag2", "flag3", "flag4", "flag5", "flag6"] {
                #expect(search.stdout.contains(toggle), "\(toggle) missing:\n\(search.stdout)")
            }
        }
    }

    @Test func clusterOnAPlainServerIsRefusedWithWhatToDo() throws {
        try withServer { server in
            let run = try OpsdeckRun.run(["toggles", "list", "--socket", server.socketPath, "--cluster"])
            #expect(run.status != 0)
            #expect(run.stderr.contains("not a cluster node") && run.stderr.contains("--cluster"), "\(run.stderr)")
        }
    }
}
