import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The cluster client against a real 3-master cluster (shared by this suite, flushed per test):
/// routing by slot, pipelines split and put back in order, walks over every master.
@Suite(.serialized) struct ClusterLinkTests {
    private func link(_ cluster: LocalCluster.Address, node: Int = 0, topology: RedisTopology = .auto) -> ClusterLink {
        ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint(node: node), topology: topology))
    }

    @Test func theSlotRuleIsTheServers() throws {
        try SharedCluster.exclusive { cluster in
            let node = try cluster.connect(node: 0)
            for key in [
                "foo", "session:4a1b", "{useNewAlgorithm}", "opsdeck:audit:{useNewAlgorithm}", "a{}b", "{}{x}", "x{y",
                "recent:checkout:error", "ünïcode", "",
            ] {
                let slot = try node.execute("CLUSTER", "KEYSLOT", key).int
                #expect(HashSlot.of(key) == slot.map(Int.init), "\(key)")
            }
            #expect(HashSlot.of("opsdeck:audit:{useNewAlgorithm}") == HashSlot.of("useNewAlgorithm"))
        }
    }

    @Test func aPipelineIsSplitPerNodeAndTheRepliesComeBackInOrder() throws {
        try SharedCluster.exclusive { cluster in
            let redis = link(cluster, node: 1)
            let keys = (0..<300).map { "key:\($0)" }
            let set = try redis.send(keys.map { RedisCommand("SET", $0, "value of \($0)") })
            #expect(set.allSatisfy { $0.string == "OK" })
            let got = try redis.send(keys.map { RedisCommand("GET", $0) })
            #expect(got.map(\.string) == keys.map { "value of \($0)" })
            #expect(redis.isCluster)
            #expect(redis.masters.count == 3)
            #expect(redis.summary.hasPrefix("cluster · 3 masters via"), "\(redis.summary)")

            // Each key is where the cluster says it belongs, and every master holds some.
            var perNode = [0, 0, 0]
            for node in 0..<3 {
                let direct = try cluster.connect(node: node)
                perNode[node] = Int(try direct.execute("DBSIZE").int ?? -1)
            }
            #expect(perNode.allSatisfy { $0 > 50 }, "\(perNode)")
            #expect(try redis.execute("DBSIZE").int == 300, "DBSIZE is summed over the masters")
        }
    }

    @Test func aWalkVisitsEveryMasterAndResumesFromItsPosition() throws {
        try SharedCluster.exclusive { cluster in
            let redis = link(cluster)
            let keys = Set((0..<500).map { "session:\($0)" })
            try redis.send(keys.map { RedisCommand("HSET", $0, "authType", "email-user") })
            try redis.send((0..<20).map { RedisCommand("SET", "other:\($0)", "x") })

            let found = try KeyScanner.collect(on: redis, pattern: "session:*", count: 50, type: "hash")
            #expect(Set(found.map(\.text)) == keys)

            // Stop half-way, carry the position as text, go on with a new scanner.
            var first = KeyScanner(pattern: "session:*", count: 50, type: "hash")
            var seen = Set<String>()
            while seen.count < 250, let page = try first.next(on: redis) { seen.formUnion(page.map(\.text)) }
            #expect(first.cursor.contains(":"), "a cluster position names its node: \(first.cursor)")
            var second = try KeyScanner(resuming: first.cursor, pattern: "session:*", count: 50, type: "hash")
            while let page = try second.next(on: redis) { seen.formUnion(page.map(\.text)) }
            #expect(seen == keys)
        }
    }

    @Test func aTransactionGoesToTheNodeOfItsKey() throws {
        try SharedCluster.exclusive { cluster in
            let redis = link(cluster)
            let replies = try redis.send([
                RedisCommand("MULTI"), RedisCommand("LPUSH", "recent:svc:error", "a", "b", "c"),
                RedisCommand("LTRIM", "recent:svc:error", 0, 1), RedisCommand("EXEC"),
            ])
            #expect(replies.allSatisfy { $0.errorMessage == nil }, "\(replies)")
            #expect(try redis.execute("LLEN", "recent:svc:error").int == 2)
        }
    }

    @Test func aStandaloneServerIsUsedAsOneAndClusterOnOneIsRefused() throws {
        try withServer { server in
            let auto = ClusterLink(options: RedisConnectionOptions(endpoint: server.endpoint))
            try auto.execute("SET", "k", "v")
            #expect(!auto.isCluster)
            #expect(try auto.scanTargets().count == 1)
            #expect(auto.summary == server.endpoint.description)

            let forced = ClusterLink(options: RedisConnectionOptions(endpoint: server.endpoint, topology: .cluster))
            #expect {
                try forced.execute("GET", "k")
            } throws: { error in
                "\(error)".contains("not a cluster node") && "\(error)".contains("--cluster")
            }
        }
    }

    @Test func aDatabaseOtherThanZeroIsRefusedOnACluster() throws {
        try SharedCluster.exclusive { cluster in
            var endpoint = cluster.endpoint()
            endpoint.database = 2
            let redis = ClusterLink(options: RedisConnectionOptions(endpoint: endpoint))
            #expect {
                try redis.execute("GET", "k")
            } throws: { error in
                // The server refuses the SELECT at the handshake; either way the user learns why.
                "\(error)".contains("only database 0") || "\(error)".contains("SELECT is not allowed in cluster mode")
            }
        }
    }

    @Test func anUnreachableSeedSaysWhere() throws {
        let port = try freeLoopbackPort()
        let redis = ClusterLink(options: RedisConnectionOptions(endpoint: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: port))))
        #expect {
            try redis.execute("PING")
        } throws: { error in
            "\(error)".contains("127.0.0.1:\(port)")
        }
    }
}
