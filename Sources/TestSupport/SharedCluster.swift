import Foundation
import LocalRedis
import RedisClient
import Synchronization

/// One 3-master cluster per test process, started on first use and stopped when the process
/// exits: a cluster takes a few seconds to form, so suites share it. A test has it to itself
/// for the length of `exclusive`, which starts from an empty keyspace; tests that change the
/// topology (a migration, a failover) start a `LocalCluster` of their own.
public enum SharedCluster {
    private static let cluster = Mutex<LocalCluster?>(nil)
    private static let flavorInUse = Mutex<ServerFlavor?>(nil)
    /// Held while a test uses the cluster: tests of different suites run in parallel.
    private static let turn = NSLock()

    /// Runs `body` with the shared cluster, every master's keys deleted first, while no other
    /// test uses it. All tests in a process must ask for the same flavor.
    public static func exclusive<T>(flavor: ServerFlavor = .plain, _ body: (LocalCluster.Address) throws -> T) throws -> T {
        turn.lock()
        defer { turn.unlock() }
        return try body(try flushed(flavor: flavor))
    }

    private static func flushed(flavor: ServerFlavor) throws -> LocalCluster.Address {
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
