import Foundation
import RedisClient

#if canImport(Glibc)
    import Glibc
#endif

/// A private master, its replica and three Sentinels watching them as `mymaster`, on loopback
/// with OS-chosen ports; Debian has no `redis-sentinel` binary, so each Sentinel is
/// `redis-server sentinel.conf --sentinel`. A `SENTINEL FAILOVER` completes in a few seconds;
/// a master counts as down only after 5 s without an answer, so a loaded test machine does not
/// set off failovers of its own (one right after a forced one would promote a node still
/// resyncing, and lose data, as it would in production). Ready when the replica is in sync and every
/// Sentinel knows it.
///
/// Ownership: the creator owns it and must `stop()` it (`deinit` does too); it stops only the
/// processes it started (by pid; each writes `redis.pid` where the test runner's clean-up
/// looks). Not thread-safe.
public final class LocalSentinels {
    public static let masterName = "mymaster"
    public let master: RedisServerProcess
    public let replica: RedisServerProcess
    /// Client ports of the master and the replica, in that order (the roles swap on failover).
    public let dataPorts: [Int]
    public private(set) var sentinelPorts: [Int] = []
    private var sentinels: [ChildProcess] = []
    private var directories: [URL] = []

    public init(port: () throws -> Int) throws {
        let (master, masterPort) = try retryingTakenPorts { () throws -> (RedisServerProcess, Int) in
            let chosen = try port()
            return (try RedisServerProcess(extraArguments: ["--port", String(chosen), "--repl-diskless-sync-delay", "0"]), chosen)
        }
        let (replica, replicaPort) = try retryingTakenPorts { () throws -> (RedisServerProcess, Int) in
            let chosen = try port()
            return (
                try RedisServerProcess(extraArguments: [
                    "--port", String(chosen), "--replicaof", "127.0.0.1", String(masterPort), "--repl-diskless-sync-delay", "0",
                ]), chosen
            )
        }
        self.master = master
        self.replica = replica
        dataPorts = [masterPort, replicaPort]
        do {
            for _ in 0..<3 {
                try retryingTakenPorts { try startSentinel(port: try port(), masterPort: masterPort) }
            }
            let ports = sentinelPorts
            try waitUntil("the replica in sync and known to every Sentinel") {
                let info = try replica.connect().execute("INFO", "replication").string ?? ""
                guard info.contains("master_link_status:up") else { return false }
                return try ports.allSatisfy { sentinelPort in
                    let replicas = try Self.connect(port: sentinelPort).execute("SENTINEL", "REPLICAS", Self.masterName)
                    return !(replicas.array ?? []).isEmpty
                }
            }
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    /// The URL a user gives: every Sentinel, the master's name.
    public var url: String {
        "redis+sentinel://" + sentinelPorts.map { "127.0.0.1:\($0)" }.joined(separator: ",") + "/\(Self.masterName)"
    }

    /// The port of the data node that is master now, as its own `ROLE` says.
    public func currentMasterPort() throws -> Int? {
        for port in dataPorts {
            if (try? Self.connect(port: port).execute("ROLE").array?.first?.string) == "master" { return port }
        }
        return nil
    }

    /// `SENTINEL FAILOVER`, then waits until the replica has become master and the Sentinels say so.
    /// Replication is asynchronous and a forced failover does not wait for it: writes made just
    /// before would be lost with the old master's role, so the replica is let to catch up first
    /// (`WAIT 1`) — the tests are about following a failover, not about Redis losing writes.
    @discardableResult
    public func failover(timeout: Double = 60) throws -> Int {
        let before = try currentMasterPort()
        if let before {
            let master = try Self.connect(port: before)
            try waitUntil("the replica to have every write of the master") {
                let acked = try master.execute("WAIT", 1, 1000).int ?? 0
                let offset = Self.field("master_repl_offset", in: try master.execute("INFO", "replication").string ?? "")
                let replicaInfo =
                    try Self.connect(port: dataPorts.first { $0 != before } ?? before).execute("INFO", "replication").string ?? ""
                return acked >= 1 && offset != nil && Self.field("slave_repl_offset", in: replicaInfo) == offset
            }
        }
        // Right after start-up a Sentinel may not yet count the replica as promotable
        // (NOGOODSLAVE): ask again until it does.
        try waitUntil("a Sentinel to accept SENTINEL FAILOVER") {
            let reply = try Self.connect(port: sentinelPorts[0]).send([RedisCommand("SENTINEL", "FAILOVER", Self.masterName)])[0]
            guard let message = reply.errorMessage else { return true }
            if message.contains("NOGOODSLAVE") { return false }
            throw LocalRedisError.startFailed(command: "SENTINEL FAILOVER", log: message)
        }
        var now: Int?
        try waitUntil("the failover, and the old master in sync as a replica of the new one", timeout: timeout) {
            let named = try Self.connect(port: sentinelPorts[0]).execute("SENTINEL", "get-master-addr-by-name", Self.masterName)
            guard let port = named.array?.last?.string.flatMap(Int.init), port != before,
                try Self.connect(port: port).execute("ROLE").array?.first?.string == "master"
            else { return false }
            now = port
            guard let before else { return true }
            let info = try Self.connect(port: before).execute("INFO", "replication").string ?? ""
            return info.contains("role:slave") && info.contains("master_port:\(port)") && info.contains("master_link_status:up")
        }
        return now ?? -1
    }

    static func field(_ name: String, in info: String) -> String? {
        info.split(whereSeparator: \.isNewline).first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// Stops the Sentinels only (the data nodes go on).
    public func stopSentinels() {
        for sentinel in sentinels { sentinel.terminate() }
        sentinels = []
    }

    public func stop() {
        for sentinel in sentinels { sentinel.terminate() }
        sentinels = []
        master.stop()
        replica.stop()
        for directory in directories { try? FileManager.default.removeItem(at: directory) }
        directories = []
    }

    public static func connect(port: Int) throws -> RedisConnection {
        let connection = RedisConnection(
            options: RedisConnectionOptions(
                endpoint: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: port)), connectTimeout: 2, readTimeout: 5, clientName: nil))
        try connection.connect()
        return connection
    }

    private func startSentinel(port: Int, masterPort: Int) throws {
        let directory = try RedisServerProcess.makeDirectory()
        directories.append(directory)
        let config = directory.appendingPathComponent("sentinel.conf")
        try """
        port \(port)
        bind 127.0.0.1
        dir \(directory.path)
        logfile \(directory.appendingPathComponent("redis.log").path)
        pidfile \(directory.appendingPathComponent("redis.pid").path)
        daemonize no
        sentinel monitor \(Self.masterName) 127.0.0.1 \(masterPort) 2
        sentinel down-after-milliseconds \(Self.masterName) 5000
        sentinel failover-timeout \(Self.masterName) 3000
        sentinel parallel-syncs \(Self.masterName) 1

        """.write(to: config, atomically: true, encoding: .utf8)
        let child = try ChildProcess(path: try ServerFlavor.redisServer(), arguments: [config.path, "--sentinel"])
        // Whoever answers on the port must be this child: another test's server may hold it.
        do {
            try waitUntil("the Sentinel on port \(port) to answer") {
                guard child.isRunning else {
                    let log = (try? String(contentsOf: directory.appendingPathComponent("redis.log"), encoding: .utf8)) ?? ""
                    throw LocalRedisError.startFailed(command: "redis-server \(config.path) --sentinel", log: String(log.suffix(1500)))
                }
                guard let info = try? Self.connect(port: port).execute("INFO", "server").string else { return false }
                return Self.field("process_id", in: info).flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) } == child.pid
            }
        } catch {
            child.terminate()
            throw error
        }
        sentinels.append(child)
        sentinelPorts.append(port)
    }

    /// Deadlines are roomy: cluster and Sentinel setups run beside other builds on busy CI machines.
    private func waitUntil(_ what: String, timeout: Double = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last: Error?
        while Date() < deadline {
            do {
                if try condition() { return }
            } catch let error as LocalRedisError {
                throw error
            } catch {
                last = error
            }
            usleep(50_000)
        }
        throw LocalRedisError.startFailed(
            command: "a master, a replica and 3 Sentinels",
            log: "timed out waiting for \(what)" + (last.map { " (last: \($0))" } ?? ""))
    }
}
