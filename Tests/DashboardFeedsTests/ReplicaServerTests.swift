import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 9: a dashboard on a replica says so, with where the master is, and is
/// read-only (the flip is refused up front, not failed with READONLY).
@Suite struct ReplicaServerTests {
    @Test func aReplicaIsShownAsSuchAndReadOnly() throws {
        try withServer(choosingPorts: { ["--port", String(try freeLoopbackPort())] }) { master in
            let port = master.argument("--port") ?? ""
            try withServer(extraArguments: ["--replicaof", "127.0.0.1", port]) { replica in
                var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
                let snapshot = try source.poll(PollContext(redis: try replica.connect(), request: .everything))
                #expect(snapshot.server?.replica == "replica of 127.0.0.1:\(port)")
                #expect(snapshot.server?.topology == "replica of 127.0.0.1:\(port)", "\(String(describing: snapshot.server))")

                var onMaster = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
                let primary = try onMaster.poll(PollContext(redis: try master.connect(), request: .everything))
                #expect(primary.server?.readOnly == false)
                #expect(primary.server?.replica == nil)
                #expect(primary.server?.topology == nil)
            }
        }
    }
}
