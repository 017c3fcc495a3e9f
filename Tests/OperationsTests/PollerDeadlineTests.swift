import Foundation
@testable import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

private final class RequestLog: Sendable {
    private let log = Mutex<[PollRequest]>([])
    func record(_ request: PollRequest) { log.withLock { $0.append(request) } }
    func count(of request: PollRequest) -> Int { log.withLock { $0.filter { $0 == request }.count } }
}

/// A source that logs the requests it gets and takes every invalidation as relevant.
private struct BusySource: PollSource {
    let log: RequestLog
    func poll(_ context: PollContext) throws(RedisError) -> Int {
        log.record(context.request)
        return Int(try context.redis.execute("DBSIZE").int ?? 0)
    }
    mutating func invalidated(_ keys: [RedisKey]?) -> Bool { true }
}

/// Issue 29, bug 1: invalidations arriving faster than the interval (busy logs) must not starve
/// the routine poll, which is what reads the parts no invalidation names (the errors).
@Suite struct PollerDeadlineTests {
    @Test func routinePollsKeepComingUnderAStreamOfInvalidations() throws {
        try withServer { server in
            let log = RequestLog()
            let poller = Poller(
                connection: RedisConnectionOptions(endpoint: server.endpoint),
                source: BusySource(log: log), interval: 0.3
            ) { _ in }
            poller.start()
            defer { poller.stop() }
            let stop = Atomic<Bool>(false)
            let noise = Thread {
                while !stop.load(ordering: .relaxed) {
                    poller.invalidated([RedisKey("recent:checkout:error")])
                    Thread.sleep(forTimeInterval: 0.02)
                }
            }
            noise.start()
            defer { stop.store(true, ordering: .relaxed) }
            #expect(eventually { log.count(of: .soon) >= 5 }, "the invalidations did not drive polls")
            // Roomy: with the interval at 0.3 s, a routine poll is due every 0.3 s.
            #expect(eventually { log.count(of: .routine) >= 3 }, "no routine poll while invalidations stream in")
        }
    }
}
