import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 9 ("STALE took 5.2 s during DEBUG SLEEP 10"). Measured cause: with the
/// server's invalidations on, a routine poll with nothing invalidated sent no command at all and
/// still counted as fresh data, so a frozen server looked current until the next safety-net
/// read (10 s) hung. Every poll must touch the server: a silent one sends one PING.
@Suite struct LiveStallTests {
    @Test func aLiveRoutinePollWithNothingChangedStillTouchesTheServer() throws {
        try withServer { server in
            try server.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            let redis = try server.connect()
            var source = DashboardSource(patterns: KeyPatterns(), server: ServerInfo(endpoint: "test"))
            // The first poll reads everything, the first routine one is the safety net's read;
            // after them nothing is due for a while.
            _ = try source.poll(PollContext(redis: redis, request: .everything, updates: .live))
            _ = try source.poll(PollContext(redis: redis, request: .routine, updates: .live))
            let counted = CountingSender(redis)
            _ = try source.poll(PollContext(redis: counted, request: .routine, updates: .live))
            #expect(counted.commandsSent >= 1, "a live routine poll sent nothing: a frozen server would look current")
        }
    }
}
