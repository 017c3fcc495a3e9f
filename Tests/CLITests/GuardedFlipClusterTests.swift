import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// A guarded flip on a real 3-master cluster, the binary pointed at a node that does not hold the
/// toggle: the record and the audit sit in the toggle's slot, errors written on other masters
/// are counted, and the revert lands once.
@Suite struct GuardedFlipClusterTests {
    @Test func aGuardOnAClusterTripsAndReverts() throws {
        try SharedCluster.exclusive { cluster in
            let seed = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint()))
            try seed.execute("HSET", "flag7", "toggle", "False")
            let owner = try cluster.master(of: HashSlot.of("flag7"))
            let asked = (owner + 1) % 3
            let guarded = try GuardProcess([
                "toggles", "set", "flag7", "on", "--guard", "errors >= 2 in 5m", "--for", "120s",
                "--guard-interval", "0.2", "--url", cluster.url(node: asked),
            ])
            let node = try cluster.connect(node: owner)
            let running = try eventually {
                try node.execute("HGET", "opsdeck:guard:{flag7}", "state").string == "running"
                    && node.execute("HGET", "flag7", "toggle").string == "True"
            }
            #expect(running, "\(guarded.stdout) \(guarded.stderr)")
            for index in 0..<2 {
                let add = try OpsdeckRun.run([
                    "errors", "add", "--toggle", "flag7", "--value", "True", "--fingerprint", "f",
                    "--exception", "Boom \(index)", "--url", cluster.url(node: index % 3),
                ])
                #expect(add.status == 0, "\(add.allOutput)")
            }
            #expect(guarded.finish() == 8, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
            #expect(try node.execute("HGET", "flag7", "toggle").string == "False")
            let audit = try node.execute("LRANGE", "opsdeck:audit:{flag7}", 0, -1).array?.compactMap(\.string) ?? []
            #expect(audit.count == 2 && audit.first?.contains("auto-revert: 2 errors in 5m >= 2") == true, "\(audit)")
            #expect(try node.execute("HGET", "opsdeck:guard:{flag7}", "state").string == "reverted")
        }
    }
}
