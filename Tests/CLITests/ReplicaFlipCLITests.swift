import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 9: `toggles set` against a replica says it is a replica and where its master
/// is (from `INFO replication`), besides the server's own READONLY words; nothing is written.
@Suite struct ReplicaFlipCLITests {
    @Test func aFlipOnAReplicaNamesTheMaster() throws {
        try withServer(choosingPorts: { ["--port", String(try freeLoopbackPort())] }) { master in
            let port = master.argument("--port") ?? ""
            try master.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            try withServer(extraArguments: ["--replicaof", "127.0.0.1", port]) { replica in
                let redis = try replica.connect()
                #expect(
                    eventually { (try? redis.execute("HGET", "useNewAlgorithm", "toggle").string) == "True" },
                    "the replica never synced")
                let run = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "off", "--socket", replica.socketPath])
                #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
                #expect(run.stderr.contains("READONLY"), "\(run.stderr)")
                #expect(run.stderr.contains("is a replica of 127.0.0.1:\(port)"), "\(run.stderr)")
                #expect(try master.connect().execute("HGET", "useNewAlgorithm", "toggle").string == "True")
            }
        }
    }
}
