import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck watch`'s error and server events (issue 24): a new error group, a toggle's error
/// rate rising, a role change, a Sentinel failover; text and JSON. Real binary, real servers.
@Suite struct WatchEventsCLITests {
    /// An error record as the services write it (no search module here: `error:<id>`, the id
    /// `<toggle>[#n]:<MM-DD-YY-HH-MM-SS>`).
    static func error(_ redis: RedisConnection, toggle: String, body: String, at date: Date, index: Int) throws {
        let id = ErrorID.make(toggle: toggle, date: date, sequence: index + 1)
        try redis.execute(
            "HSET", "error:\(id)", "toggleName", toggle, "toggleValue", "True", "fingerPrint", "f\(index)",
            "exceptionBody", body)
    }

    @Test func aNewErrorGroupAndARisingRateAreReportedOnce() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "alpha", "toggle", "on")
            // Already there before the watch: not news.
            try Self.error(redis, toggle: "alpha", body: "java.lang.IllegalStateException: old news at A.java:1", at: Date(), index: 0)
            let watch = try GuardProcess([
                "watch", "--format", "json", "--interval", "0.1", "--errors-every", "0.2", "-s", server.socketPath,
            ])
            try WatchCLITests.waitUntilWatching(watch, redis)
            // The error watch took its first reading in the watch's first round, before the
            // round that reported the `ready` toggle as new.
            let now = Date()
            try Self.error(redis, toggle: "alpha", body: "java.lang.NullPointerException: cart is null at Cart.java:42", at: now, index: 1)
            try #require(eventually { WatchCLITests.has(watch, "error-group", "alpha") }, "group: \(watch.stdout) \(watch.stderr)")
            for i in 2..<14 {
                try Self.error(
                    redis, toggle: "alpha", body: "java.lang.NullPointerException: cart is null at Cart.java:42", at: now, index: i)
            }
            try #require(eventually { WatchCLITests.has(watch, "error-rate", "alpha") }, "rate: \(watch.stdout) \(watch.stderr)")
            let events = WatchCLITests.events(watch)
            let groups = events.filter { $0["kind"] as? String == "error-group" }
            #expect(groups.count == 1, "one new group (the old one was there before): \(groups)")
            #expect((groups.first?["detail"] as? String)?.contains("NullPointerException") == true, "\(groups)")
            let rates = events.filter { $0["kind"] as? String == "error-rate" }
            #expect(rates.count == 1 && (rates.first?["count"] as? Int ?? 0) >= 10, "\(rates)")
            watch.signal(SIGTERM)
            #expect(watch.finish() == 0, "stderr: \(watch.stderr)")
        }
    }

    @Test func aRoleChangeIsReportedInText() throws {
        try withServer(choosingPorts: { ["--port", String(try freeLoopbackPort())] }) { other in
            try withConnection { redis, server in
                let watch = try GuardProcess(["watch", "--interval", "0.1", "--errors-every", "0", "-s", server.socketPath])
                try WatchCLITests.waitUntilWatching(watch, redis, marker: " new ready")
                try redis.execute("REPLICAOF", "127.0.0.1", other.argument("--port") ?? "")
                try #require(eventually { watch.stdout.contains(" role master -> slave") }, "\(watch.stdout) \(watch.stderr)")
                try redis.execute("REPLICAOF", "NO", "ONE")
                try #require(eventually { watch.stdout.contains(" role slave -> master") }, "\(watch.stdout) \(watch.stderr)")
                watch.signal(SIGTERM)
                #expect(watch.finish() == 0, "stderr: \(watch.stderr)")
            }
        }
    }

    @Test func aSentinelFailoverIsReported() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let first = try set.master.connect()
        try first.execute("HSET", "payments", "toggle", "false")
        let watch = try GuardProcess(["watch", "--format", "json", "--interval", "0.2", "--errors-every", "0", "--url", set.url])
        try WatchCLITests.waitUntilWatching(watch, first)
        let promoted = try set.failover()
        try #require(eventually { WatchCLITests.has(watch, "failover") }, "\(watch.stdout) \(watch.stderr)")
        let failover = WatchCLITests.events(watch).first { $0["kind"] as? String == "failover" }
        #expect((failover?["detail"] as? String)?.contains(String(promoted)) == true, "\(String(describing: failover))")
        watch.signal(SIGTERM)
        #expect(watch.finish() == 0, "stderr: \(watch.stderr)")
    }
}
