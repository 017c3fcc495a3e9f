import Foundation
import LocalRedis
import RedisClient
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A port chosen free can be taken before the server binds it (CI once lost a run to a cluster
/// node exiting with "Address already in use"). Here the first port handed out is held by a
/// listening socket, so the harness must choose again; without that every test fails to start.
@Suite struct TakenPortTests {
    /// A loopback port held by a listening socket until `release()`.
    final class HeldPort {
        let fd: Int32
        let port: Int
        init() throws {
            port = try freeLoopbackPort()
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var yes: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 && listen(fd, 1) == 0
                }
            }
            try #require(bound, "could not hold port \(port)")
        }
        deinit { close(fd) }
    }

    /// Hands out `held` at call number `at` (1-based), fresh ports otherwise; counts the calls.
    final class Ports: Sendable {
        let calls = Mutex(0)
        let held: Int, at: Int
        init(held: Int, at: Int = 1) {
            self.held = held
            self.at = at
        }
        func next() throws -> Int {
            let call = calls.withLock {
                $0 += 1
                return $0
            }
            return call == at ? held : try freeLoopbackPort()
        }
    }

    @Test func aServerOnATakenPortIsStartedOnAnother() throws {
        let held = try HeldPort()
        let ports = Ports(held: held.port)
        try withServer(choosingPorts: { ["--port", String(try ports.next())] }) { server in
            let port = try #require(server.tcpPort)
            #expect(port != held.port)
            #expect(ports.calls.withLock { $0 } == 2, "the taken port was given up for a second one")
            let redis = RedisConnection(
                options: RedisConnectionOptions(endpoint: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: port))))
            defer { redis.close() }
            #expect(try redis.execute("PING").string == "PONG")
        }
    }

    @Test func aClusterNodeWhoseBusPortIsTakenGetsOthers() throws {
        let held = try HeldPort()
        let ports = Ports(held: held.port, at: 2)
        let cluster = try LocalCluster(masters: 1, port: ports.next)
        defer { cluster.stop() }
        #expect(!cluster.ports.contains(held.port))
        #expect(try cluster.connect(node: 0).execute("CLUSTER", "INFO").string?.contains("cluster_state:ok") == true)
    }

    @Test func aSentinelOnATakenPortIsStartedOnAnother() throws {
        let held = try HeldPort()
        let ports = Ports(held: held.port, at: 3)
        let set = try LocalSentinels(port: ports.next)
        defer { set.stop() }
        #expect(set.sentinelPorts.count == 3 && !set.sentinelPorts.contains(held.port))
        let master = SentinelLink(options: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url)))
        defer { master.close() }
        #expect(try master.execute("PING").string == "PONG")
    }
}
