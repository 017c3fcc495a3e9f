import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// The Server pane's feed on real servers: the numbers from INFO, the slow log without its
/// arguments, the other dashboards by their connection names (not this one), each part
/// degrading on its own for a read-only ACL user, and every master of a cluster.
@Suite struct ServerPaneFeedTests {
    private func source() -> DashboardSource { DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "127.0.0.1:6379")) }

    /// The Server pane at 120x30 after `snapshot` arrived, as text.
    private func serverPane(after snapshot: DashboardSnapshot) -> String {
        var state = AppState(now: Date(), width: 120, height: 30, server: ServerInfo(endpoint: "test"))
        _ = update(&state, .pollSucceeded(snapshot, duration: 0.01, at: Date()))
        _ = update(&state, .key(.char("5")))
        var buffer = ScreenBuffer(width: 120, height: 30)
        render(state, theme: .dark, into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    private func connect(_ endpoint: RedisEndpoint, name: String?) throws -> RedisConnection {
        let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, clientName: name))
        try connection.connect()
        return connection
    }

    @Test func oneServerItsNumbersSlowLogAndTheOtherDashboards() throws {
        try withServer { server in
            let mine = try connect(server.endpoint, name: ClientName.dashboard("me@here", instance: "1"))
            defer { mine.close() }
            let bob = try connect(server.endpoint, name: ClientName.dashboard("bob@laptop", instance: "7", flipping: "use New:Algo"))
            defer { bob.close() }
            let cli = try connect(server.endpoint, name: "opsdeck")
            defer { cli.close() }
            try cli.execute("CONFIG", "SET", "maxmemory", "104857600")
            try cli.execute("CONFIG", "SET", "maxmemory-policy", "allkeys-lru")
            try cli.execute("CONFIG", "SET", "slowlog-log-slower-than", "0")
            try cli.execute("SET", "session:42", "secret-token-value")
            _ = try cli.execute("GET", "session:42")
            _ = try cli.execute("GET", "missing")

            var source = source()
            let part = try #require(try source.poll(mine, .everything)[ServerPart.self])
            let node = try #require(part.nodes?.first)
            #expect(part.nodes?.count == 1 && node.role == "master", "\(part)")
            #expect(node.maxMemory == 104_857_600 && node.evictionPolicy == "allkeys-lru", "\(node)")
            #expect((node.usedMemory ?? 0) > 0 && node.connectedClients ?? 0 >= 3, "\(node)")
            #expect(node.hitRatio.map { $0 > 0 && $0 < 1 } == true, "hits and misses (ours and the poll's): \(node)")
            #expect(node.replicas.isEmpty && node.upstream == nil)
            #expect(part.cluster == nil, "not a cluster")

            let slow = try #require(part.slowLog)
            #expect(slow.count == ServerPaneFeed.slowLogLength, "\(slow)")
            #expect(!"\(part)".contains("secret-token-value"), "arguments are never kept: \(part)")
            _ = try cli.execute("SET", "session:43", "another-secret", "EX", "60")
            let newest = try ServerPaneFeed.slowLog(cli, server: "here")
            #expect(newest.first?.command == "SET" && newest.first?.argumentCount == 4, "\(newest)")
            #expect(!"\(newest)".contains("another-secret") && !"\(newest)".contains("session:43"), "\(newest)")

            #expect(
                part.peers?.map(\.who) == ["bob@laptop"] && part.peers?.first?.flipping == "use New:Algo",
                "only the other dashboard, not this one nor the CLI: \(part.peers ?? [])")
            // A second connection of this dashboard (same instance) is not someone else.
            let mineToo = try connect(server.endpoint, name: ClientName.dashboard("me@here", instance: "1"))
            defer { mineToo.close() }
            #expect(try ServerPaneFeed.peers(mine).map(\.who) == ["bob@laptop"])
            #expect(try source.poll(mine, .soon)[ServerPart.self] == nil, "a poll that serves a flip reads nothing here")
        }
    }

    @Test func aReadOnlyUserSeesWhatIsRefusedInItsPlace() throws {
        try withServer { server in
            let admin = try server.connect()
            defer { admin.close() }
            try admin.execute("ACL", "SETUSER", "ro", "on", ">pw", "~*", "&*", "+@read", "-@write")
            var endpoint = server.endpoint
            endpoint.username = "ro"
            endpoint.password = "pw"
            let redis = try connect(endpoint, name: ClientName.dashboard("ro@here", instance: "1"))
            defer { redis.close() }

            var source = source()
            let snapshot = try source.poll(redis, .everything)
            let part = try #require(snapshot[ServerPart.self], "the part arrives even when every read is refused")
            #expect(part.nodes == nil && part.slowLog == nil, "\(part)")
            let denied = snapshot.notPermitted ?? [:]
            #expect(denied[.serverStats] == "needs +info", "\(denied)")
            #expect(denied[.slowLog]?.contains("slowlog") == true, "\(denied)")
            #expect(part.peers == nil && denied[.clientList]?.contains("client") == true, "\(denied)")
            #expect(snapshot.toggles != nil, "the rest of the poll goes on")

            let text = serverPane(after: snapshot)
            #expect(text.contains("  not permitted (ACL): needs +info"), "\(text)")
            #expect(text.contains("5 Server · not permitted (ACL): needs +info"), "\(text)")
        }
    }

    /// A server that renamed SLOWLOG away (as managed services do with some commands): the
    /// slow log says why it is missing, the numbers and the rest of the poll are there.
    @Test func aCommandRenamedAwayFailsOnlyItsPart() throws {
        try withServer(extraArguments: ["--rename-command", "SLOWLOG", "SLOWLOG-hidden"]) { server in
            let redis = try connect(server.endpoint, name: ClientName.dashboard("me@here", instance: "1"))
            defer { redis.close() }
            try redis.execute("HSET", "darkMode", "toggle", "off")
            var source = source()
            let snapshot = try source.poll(redis, .everything)
            let part = try #require(snapshot[ServerPart.self])
            #expect(part.slowLog == nil && part.failures[.slowLog]?.contains("unknown command") == true, "\(part.failures)")
            #expect(part.nodes?.count == 1 && part.peers == [], "\(part)")
            #expect(snapshot.toggles?.map(\.name) == ["darkMode"])

            let text = serverPane(after: snapshot)
            #expect(text.contains("  could not read the slow log: ") && text.contains("unknown command 'SLOWLOG'"), "\(text)")
        }
    }

    @Test func everyMasterOfACluster() throws {
        try SharedCluster.exclusive { cluster in
            let link = ClusterLink(
                options: RedisConnectionOptions(
                    endpoint: cluster.endpoint(node: 0), clientName: ClientName.dashboard("me@here", instance: "1")))
            defer { link.close() }
            // Another dashboard with a connection to two masters, flipping through one of them.
            let other = try connect(cluster.endpoint(node: 2), name: ClientName.dashboard("carol@ops", instance: "2"))
            defer { other.close() }
            let otherToo = try connect(
                cluster.endpoint(node: 1), name: ClientName.dashboard("carol@ops", instance: "2", flipping: "darkMode"))
            defer { otherToo.close() }
            var source = source()
            let part = try #require(try source.poll(link, .everything)[ServerPart.self])
            let addresses = Set(part.nodes?.map(\.address) ?? [])
            #expect(addresses == Set(cluster.ports.prefix(3).map { "127.0.0.1:\($0)" }), "\(part.nodes ?? [])")
            let health = try #require(part.cluster)
            #expect(health.state == "ok" && health.slotsOK == ClusterHealth.slotCount && health.isHealthy, "\(health)")
            #expect(
                part.peers?.map(\.who) == ["carol@ops"] && part.peers?.first?.flipping == "darkMode",
                "the other dashboard once, not this one's connection to each master: \(part.peers ?? [])")
        }
    }

    @Test func namesSurviveWhatRedisRefusesInAName() {
        let name = ClientName.dashboard("jo ann@host:1", instance: "42", flipping: "new checkout: ü%")
        #expect(!name.contains(" ") && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }, "\(name)")
        let parsed = ClientName.parse(name)
        #expect(parsed?.who == "jo ann@host:1" && parsed?.instance == "42" && parsed?.flipping == "new checkout: ü%", "\(name)")
        #expect(ClientName.parse("opsdeck") == nil && ClientName.parse("opsdeck-invalidations") == nil)
        #expect(ClientName.parse(ClientName.dashboard("a@b"))?.flipping == nil)
    }
}
