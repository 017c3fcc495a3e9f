import Foundation
import LocalRedis
@testable import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

/// A source that reports what the poller told it about the deployment.
private struct ShapeSource: PollSource {
    func poll(_ context: PollContext) throws(RedisError) -> [String] {
        _ = try context.redis.execute("GET", "value")
        return [context.shape ?? "-"] + context.events
    }
}

/// The poller hands each poll the deployment's shape and what happened to it; a failover is
/// reported by the next poll that gets through, even when the polls in between fail.
@Suite struct PollerDeploymentTests {
    @Test func aFailoverBehindSentinelsReachesTheSource() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let seen = Mutex<[[String]]>([])
        let poller = Poller(
            connection: RedisConnectionOptions(endpoint: try RedisEndpoint(url: set.url), readTimeout: 10),
            source: ShapeSource(), interval: 1
        ) { event in
            if case .snapshot(let said, _, _) = event { seen.withLock { $0.append(said) } }
        }
        _ = poller.queue.sync { poller.pollOnce() }
        #expect(seen.withLock { $0.last } == ["sentinel mymaster → 127.0.0.1:\(set.dataPorts[0])"])
        let promoted = try set.failover()
        #expect(
            eventually(every: 0.2) {
                _ = poller.queue.sync { poller.pollOnce() }
                return seen.withLock { $0.last?.first } == "sentinel mymaster → 127.0.0.1:\(promoted)"
            })
        // The move is said once, by the snapshot that shows it or the next.
        _ = poller.queue.sync { poller.pollOnce() }
        let said = seen.withLock { $0.flatMap { $0.dropFirst() } }
        #expect(said.filter { $0.contains("failover") && $0.contains("127.0.0.1:\(promoted)") }.count == 1, "\(said)")
    }
}
