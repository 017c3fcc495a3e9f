import Foundation
import RedisClient

#if canImport(Glibc)
    import Glibc
#endif

/// A private Redis Cluster on loopback: `masters` nodes sharing the 16,384 slots evenly, and
/// optionally one replica per master, each a `RedisServerProcess` in its own temporary
/// directory with OS-chosen ports (the client port and the cluster bus port, `--cluster-port`;
/// chosen again if one was taken before the node bound it).
/// Built with `CLUSTER ADDSLOTSRANGE`, `CLUSTER MEET` and `CLUSTER REPLICATE`, so it needs no
/// tool beyond `redis-server`; ready when every node says `cluster_state:ok`.
///
/// Ownership: the creator owns it and must `stop()` it (`deinit` does too); it stops only the
/// processes it started. Not thread-safe.
public final class LocalCluster {
    public private(set) var nodes: [RedisServerProcess] = []
    /// Client ports, in the order of `nodes`: masters first, then replicas.
    public private(set) var ports: [Int] = []
    public let masterCount: Int

    /// - Parameter port: gives a free loopback port each call (the tests' `freeLoopbackPort`).
    public init(
        masters: Int = 3, replicas: Bool = false, flavor: ServerFlavor = .plain,
        extraArguments: [String] = [], port: () throws -> Int
    ) throws {
        masterCount = masters
        do {
            let total = replicas ? masters * 2 : masters
            for _ in 0..<total {
                let (node, client) = try retryingTakenPorts { () throws -> (RedisServerProcess, Int) in
                    let client = try port(), bus = try port()
                    return (
                        try RedisServerProcess(
                            flavor: flavor,
                            extraArguments: [
                                "--port", String(client), "--cluster-enabled", "yes", "--cluster-port", String(bus),
                                "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "1000",
                                "--repl-diskless-sync-delay", "0", "--cluster-require-full-coverage", "no",
                                // A replica may take over however long its master has been silent: on
                                // a loaded machine the default (10 node timeouts) can refuse a failover.
                                "--cluster-replica-validity-factor", "0",
                            ] + extraArguments), client
                    )
                }
                nodes.append(node)
                ports.append(client)
            }
            try form(replicas: replicas)
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// Where the nodes are: a value any thread may keep.
    public var address: Address { Address(ports: ports, masterCount: masterCount) }

    public func url(node: Int = 0) -> String { address.url(node: node) }
    public func endpoint(node: Int = 0) -> RedisEndpoint { address.endpoint(node: node) }
    public func connect(node: Int) throws -> RedisConnection { try address.connect(node: node) }

    /// The nodes' client ports, and how to reach them.
    public struct Address: Sendable, Hashable {
        public let ports: [Int]
        public let masterCount: Int

        /// A URL of one node, as a user would give it: the client finds the others.
        public func url(node: Int = 0) -> String { "redis://127.0.0.1:\(ports[node])" }

        public func endpoint(node: Int = 0) -> RedisEndpoint {
            RedisEndpoint(address: .tcp(host: "127.0.0.1", port: ports[node]))
        }

        /// The index of the node that now serves `slot` as a master, by asking the nodes in turn
        /// (one may be down).
        public func master(of slot: Int) throws -> Int {
            for node in ports.indices {
                guard let reply = try? connect(node: node).execute("CLUSTER", "SLOTS") else { continue }
                for range in reply.array ?? [] {
                    guard let parts = range.array, parts.count >= 3, let start = parts[0].int, let end = parts[1].int,
                        (Int(start)...Int(end)).contains(slot), let port = parts[2].array?[1].int,
                        let index = ports.firstIndex(of: Int(port))
                    else { continue }
                    return index
                }
            }
            throw LocalRedisError.startFailed(command: "CLUSTER SLOTS", log: "no node serves slot \(slot)")
        }

        /// A plain connection to one node (no routing), for setting up and checking.
        public func connect(node: Int) throws -> RedisConnection {
            let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint(node: node), readTimeout: 10))
            try connection.connect()
            return connection
        }
    }

    /// The node id (`CLUSTER MYID`) of a node.
    public func id(of node: Int) throws -> String {
        try connect(node: node).execute("CLUSTER", "MYID").string ?? ""
    }

    /// The index of the node that now serves `slot` as a master.
    public func master(of slot: Int) throws -> Int { try address.master(of: slot) }

    /// Stops every node and removes its folder: a shared cluster is stopped from `atexit`, where
    /// no `deinit` runs, and left its nodes' folders in the temporary directory.
    public func stop() {
        for node in nodes { node.shutdown() }
    }

    private func form(replicas: Bool) throws {
        let connections = try nodes.map { try $0.connect() }
        let share = HashSlot.count / masterCount
        for index in 0..<masterCount {
            let start = index * share
            let end = index == masterCount - 1 ? HashSlot.count - 1 : start + share - 1
            try connections[index].execute("CLUSTER", "ADDSLOTSRANGE", start, end)
        }
        for index in nodes.indices.dropFirst() {
            let bus = nodes[index].argument("--cluster-port") ?? ""
            try connections[0].execute("CLUSTER", "MEET", "127.0.0.1", ports[index], bus)
        }
        try waitUntil("every node knows the others") {
            try connections.allSatisfy { try Self.info($0)["cluster_known_nodes"] == String(nodes.count) }
        }
        if replicas {
            for index in masterCount..<nodes.count {
                let master = try connections[index - masterCount].execute("CLUSTER", "MYID").string ?? ""
                try connections[index].execute("CLUSTER", "REPLICATE", master)
            }
        }
        try waitUntil("cluster_state:ok on every node") {
            try connections.allSatisfy { try Self.info($0)["cluster_state"] == "ok" }
        }
        for connection in connections { connection.close() }
    }

    private static func info(_ connection: RedisConnection) throws -> [String: String] {
        let text = try connection.execute("CLUSTER", "INFO").string ?? ""
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    /// Deadlines are roomy: cluster and Sentinel setups run beside other builds on busy CI machines.
    private func waitUntil(_ what: String, timeout: Double = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            usleep(50_000)
        }
        throw LocalRedisError.startFailed(
            command: "a \(nodes.count)-node cluster", log: "timed out waiting for \(what)\n" + nodes[0].logTail())
    }
}
