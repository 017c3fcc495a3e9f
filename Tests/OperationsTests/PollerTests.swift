import Foundation
@testable import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

/// A source that records each call and reads one key, so tests see what the poller asked for.
private struct RecordingSource: PollSource {
    let calls: Calls
    func poll(_ context: PollContext) throws(RedisError) -> String {
        calls.record(context.request)
        return try context.redis.execute("GET", "value").string ?? "(nil)"
    }
}

/// A source that hands over the first key's value before reading the second.
private struct PartsSource: PollSource {
    func poll(_ context: PollContext) throws(RedisError) -> String { "" }
    func poll(_ context: PollContext, early: (String) -> Void) throws(RedisError) -> String {
        early(try context.redis.execute("GET", "first").string ?? "(nil)")
        return try context.redis.execute("GET", "second").string ?? "(nil)"
    }
}

private final class Calls: Sendable {
    private let log = Mutex<[PollRequest]>([])
    func record(_ request: PollRequest) { log.withLock { $0.append(request) } }
    var requests: [PollRequest] { log.withLock { $0 } }
}

private final class Events: Sendable {
    private let log = Mutex<[PollEvent<String>]>([])
    func add(_ event: PollEvent<String>) { log.withLock { $0.append(event) } }
    var all: [PollEvent<String>] { log.withLock { $0 } }
}

@Suite struct PollerTests {
    @Test func deliversSnapshotsEverythingFirstThenRoutine() throws {
        try withServer { server in
            let calls = Calls()
            let events = Events()
            let poller = Poller(
                connection: RedisConnectionOptions(endpoint: server.endpoint),
                source: RecordingSource(calls: calls), interval: 1
            ) { events.add($0) }
            try server.connect().execute("SET", "value", "v1")
            for _ in 0..<4 { _ = poller.queue.sync { poller.pollOnce() } }
            #expect(
                calls.requests == [.everything, .routine, .routine, .routine],
                "the first poll reads everything; budgets, not the poller, schedule the rest")
            guard case .snapshot(let value, _, _) = events.all.last else {
                Issue.record("expected a snapshot, got \(events.all)")
                return
            }
            #expect(value == "v1")
            #expect(poller.commandsSent == 4, "the 4 GETs; the connection handshake goes around the counter")
        }
    }

    @Test func partsHandedOverEarlyAreDeliveredAsSnapshotsInOrder() throws {
        try withServer { server in
            let events = Events()
            let poller = Poller(
                connection: RedisConnectionOptions(endpoint: server.endpoint), source: PartsSource(),
                interval: 1
            ) { events.add($0) }
            try server.connect().execute("MSET", "first", "1", "second", "2")
            _ = poller.queue.sync { poller.pollOnce() }
            let values = events.all.compactMap { event -> String? in
                if case .snapshot(let value, _, _) = event { return value }
                return nil
            }
            #expect(values == ["1", "2"])
        }
    }

    @Test func backsOffWhileDownAndRecovers() throws {
        try withServer { server in
            let calls = Calls()
            let events = Events()
            let poller = Poller(
                connection: RedisConnectionOptions(endpoint: server.endpoint, reconnectBackoff: 0...0),
                source: RecordingSource(calls: calls), interval: 1, maxBackoff: 5
            ) { events.add($0) }
            #expect(poller.queue.sync { poller.pollOnce() } == 1)
            server.stop()
            let delays = (0..<5).map { _ in poller.queue.sync { poller.pollOnce() } }
            #expect(delays == [1, 2, 4, 5, 5], "doubling from the interval, capped")
            let failures = events.all.filter { if case .failed = $0 { true } else { false } }
            #expect(failures.count == 5)
            try server.start()
            #expect(poller.queue.sync { poller.pollOnce() } == 1)
            #expect(calls.requests.last == .everything, "after a failure the next poll reads everything")
            guard case .snapshot = events.all.last else {
                Issue.record("expected recovery, got \(String(describing: events.all.last))")
                return
            }
        }
    }

    /// The user's retry (`r`) skips the backoff: with an hour between polls and between
    /// reconnect attempts, the next attempt after a few failures can only be the retry's.
    @Test func aUserRetryConnectsAtOnceWhateverTheBackoff() throws {
        try withServer { server in
            let events = Events()
            let options = RedisConnectionOptions(endpoint: server.endpoint, reconnectBackoff: 3_600...3_600)
            let poller = Poller(
                connection: options, source: RecordingSource(calls: Calls()),
                interval: 3_600, maxBackoff: 3_600
            ) { events.add($0) }
            server.stop()
            poller.start()
            defer { poller.stop() }
            // Failures until the connection backs off (the first reconnect is always immediate).
            for attempt in 1...3 {
                if attempt > 1 { poller.refreshNow() }
                try #require(eventually { events.all.count == attempt }, "failure \(attempt): \(events.all)")
            }
            try server.start()
            poller.refreshNow(userAsked: true)
            try #require(eventually { events.all.count == 4 })
            guard case .snapshot = events.all.last else {
                Issue.record("the retry waited out the backoff: \(String(describing: events.all.last))")
                return
            }
        }
    }

    @Test func refreshNowPollsEverythingAndPollSoonOnlyChangesWithoutOverlap() throws {
        try withServer { server in
            let calls = Calls()
            let events = Events()
            let poller = Poller(
                connection: RedisConnectionOptions(endpoint: server.endpoint),
                source: RecordingSource(calls: calls), interval: 60
            ) { events.add($0) }
            poller.start()
            #expect(eventually { calls.requests.count == 1 })
            poller.refreshNow()
            poller.refreshNow()
            #expect(eventually { calls.requests.count == 3 })
            poller.pollSoon()
            #expect(eventually { calls.requests.count == 4 })
            #expect(calls.requests == [.everything, .everything, .everything, .soon])
            poller.stop()
        }
    }
}
