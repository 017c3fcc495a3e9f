import Foundation
import LocalRedis
import RedisClient
import Synchronization

/// One 3-master cluster per test process, started on first use and stopped when the process
/// exits: a cluster takes a few seconds to form, so suites share it. Tests that use it run
/// serialized (`@Suite(.serialized)`) and start from `flushed()`; tests that change the topology
/// (a migration, a failover) start a `LocalCluster` of their own.
public enum SharedCluster {
    private static let cluster = Mutex<LocalCluster?>(nil)
    private static let flavorInUse = Mutex<ServerFlavor?>(nil)

    /// The shared cluster with every master's keys deleted. All tests in a process must ask for
    /// the same flavor.
    public static func flushed(flavor: ServerFlavor = .plain) throws -> LocalCluster.Address {
        let shared = try cluster.withLock { (current: inout LocalCluster?) throws -> LocalCluster.Address in
            if let current { return current.address }
            let started = try LocalCluster(masters: 3, flavor: flavor, port: freeLoopbackPort)
            current = started
            flavorInUse.withLock { $0 = flavor }
            atexit { SharedCluster.stop() }
            return started.address
        }
        precondition(flavorInUse.withLock { $0 } == flavor, "SharedCluster started as another flavor")
        for node in 0..<shared.masterCount { try shared.connect(node: node).execute("FLUSHALL") }
        return shared
    }

    private static func stop() {
        cluster.withLock { $0?.stop() }
    }
}
