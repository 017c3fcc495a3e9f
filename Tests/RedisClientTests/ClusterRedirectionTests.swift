import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// What changes under a running client: a slot migrated between nodes (ASK, then MOVED) and a
/// master failing over to its replica. Each test starts a cluster of its own.
@Suite struct ClusterRedirectionTests {
    @Test func aSlotMigratedDuringARunIsFollowedThroughAskThenMoved() throws {
        let cluster = try LocalCluster(masters: 3, port: freeLoopbackPort)
        defer { cluster.stop() }
        let redis = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint()))
        let key = "useNewAlgorithm"
        let slot = HashSlot.of(key)
        try redis.execute("HSET", key, "toggle", "True")
        try redis.execute("HSET", "{\(key)}:other", "toggle", "False")
        _ = redis.takeEvents()

        let source = try cluster.master(of: slot)
        let destination = (source + 1) % 3
        let sourceID = try cluster.id(of: source), destinationID = try cluster.id(of: destination)
        let from = try cluster.connect(node: source), to = try cluster.connect(node: destination)
        try to.execute("CLUSTER", "SETSLOT", slot, "IMPORTING", sourceID)
        try from.execute("CLUSTER", "SETSLOT", slot, "MIGRATING", destinationID)
        try from.execute("MIGRATE", "127.0.0.1", cluster.ports[destination], key, 0, 5000)

        // Mid-migration: the moved key answers ASK, the one left behind answers where it was.
        #expect(try redis.execute("HGET", key, "toggle").string == "True")
        #expect(try redis.execute("HGET", "{\(key)}:other", "toggle").string == "False")
        #expect(redis.takeEvents().isEmpty, "ASK is for one command: the slot map stays")
        // `forEachReply` hands each command's final reply over once, never the ASK itself.
        let pair = [RedisCommand("HGET", key, "toggle"), RedisCommand("HGET", "{\(key)}:other", "toggle")]
        var asked: [(Int, String?)] = []
        try redis.forEachReply(of: pair) { index, reply in asked.append((index, reply.string)) }
        #expect(asked.sorted { $0.0 < $1.0 }.map(\.1) == ["True", "False"])

        try from.execute("MIGRATE", "127.0.0.1", cluster.ports[destination], "{\(key)}:other", 0, 5000)
        for node in 0..<3 { try cluster.connect(node: node).execute("CLUSTER", "SETSLOT", slot, "NODE", destinationID) }
        // Done: MOVED, followed, and said; `forEachReply` hands over the new owner's reply only.
        var moved: [(Int, String?)] = []
        try redis.forEachReply(of: pair) { index, reply in moved.append((index, reply.string)) }
        #expect(moved.sorted { $0.0 < $1.0 }.map(\.1) == ["True", "False"])
        let replies = try redis.send([
            RedisCommand("HGET", key, "toggle"), RedisCommand("HSET", key, "toggle", "False"),
            RedisCommand("HGET", key, "toggle"),
        ])
        #expect(replies.map(\.string) == ["True", "0", "False"])
        #expect(redis.takeEvents().contains { $0.contains("slot \(slot)") })
        #expect(try to.execute("HGET", key, "toggle").string == "False", "the write reached the new owner")
    }

    @Test func aMasterThatFailsIsReplacedByItsReplicaAndTheClientFollows() throws {
        let cluster = try LocalCluster(masters: 3, replicas: true, port: freeLoopbackPort)
        defer { cluster.stop() }
        let redis = ClusterLink(options: RedisConnectionOptions(endpoint: cluster.endpoint(node: 1), connectTimeout: 10, readTimeout: 10))
        let key = "checkoutV2"
        try redis.execute("HSET", key, "toggle", "True")
        let master = try cluster.master(of: HashSlot.of(key))
        #expect(master < 3)
        // Let the replica catch up, then take its master away.
        let replica = try cluster.connect(node: master + 3)
        try replica.execute("READONLY")
        #expect(eventually { (try? replica.execute("HGET", key, "toggle").string) == "True" })
        cluster.nodes[master].stop()

        // The first call after the loss fails and names the node; within the failover time
        // (node timeout 1 s) the replica is promoted and the client reads the new map. That
        // takes 2–3 s; the wait is long because two busy cores can delay the election's votes.
        var lastError = ""
        let answered = eventually(timeout: 60, every: 0.2) {
            do {
                return try redis.execute("HGET", key, "toggle").string == "True"
            } catch {
                lastError = "\(error)"
                return false
            }
        }
        #expect(answered, "still failing: \(lastError)\nthe replica's log:\n\(cluster.nodes[master + 3].logTail(lines: 30))")
        #expect(
            lastError.contains("127.0.0.1:\(cluster.ports[master])") && lastError.contains("of 16384 slots"),
            "the failure named the node and what it serves: \(lastError)")
        #expect(try redis.execute("HSET", key, "toggle", "False").int == 0)
        #expect(try cluster.connect(node: master + 3).execute("HGET", key, "toggle").string == "False")
    }
}
