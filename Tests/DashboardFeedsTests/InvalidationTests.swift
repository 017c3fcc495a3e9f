import Dashboard
import DashboardFeeds
import Foundation
import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

/// The server's invalidations drive the dashboard: with the poll interval set to an hour,
/// changes still arrive. Real servers; the channel and the poller as the dashboard wires them.
///
/// No test measures how fast (that is `scripts/bench`'s freshness figure): with an hour between
/// polls, a change seen within a deadline of a minute can only have come from an invalidation,
/// and the minute is roomy on a busy machine.
@Suite struct InvalidationTests {
    /// Between polls: longer than any deadline here, so only invalidations bring changes.
    static let noPoll = 3_600.0
    /// How long a test waits for an effect: roomy, and far below `noPoll`.
    static let deadline = roomyDeadline

    final class Snapshots: Sendable {
        private let log = Mutex<[DashboardSnapshot]>([])
        func add(_ event: PollEvent<DashboardSnapshot>) {
            if case .snapshot(let snapshot, _, _) = event { log.withLock { $0.append(snapshot) } }
        }
        var all: [DashboardSnapshot] { log.withLock { $0 } }
        var mode: String? { all.compactMap(\.updateMode).last }
        func toggle(_ name: String) -> String? {
            all.compactMap { $0.toggles?.first { $0.name == name }?.rawValue }.last
        }
    }

    /// The dashboard's wiring: poller + channel; returns both, started.
    func live(
        _ endpoint: RedisEndpoint, interval: Double, patterns: KeyPatterns = KeyPatterns(toggles: "toggle:*"),
        into snapshots: Snapshots
    ) -> (Poller<DashboardSource>, InvalidationChannel) {
        let options = RedisConnectionOptions(endpoint: endpoint, reconnectBackoff: 0.05...0.5)
        let poller = Poller(
            connection: options, source: DashboardSource(patterns: patterns, server: ServerInfo(endpoint: "t")),
            interval: interval, maxBackoff: 0.5
        ) { snapshots.add($0) }
        let channel = InvalidationChannel(
            options: options, prefixes: DashboardSource.trackedPrefixes(patterns),
            ready: { poller.enableTracking(redirect: $0) },
            changed: { poller.invalidated($0) },
            lost: { poller.trackingLost($0) })
        poller.start()
        channel.start()
        return (poller, channel)
    }

    /// Whether a client of the server has key tracking on, with a redirect that exists
    /// (`t` without `R` among its CLIENT LIST flags).
    static func trackingIsOn(_ redis: RedisConnection) -> Bool {
        guard let list = try? redis.execute("CLIENT", "LIST").string else { return false }
        return list.split(separator: "\n").contains { line in
            line.split(separator: " ").contains { $0.hasPrefix("flags=") && $0.contains("t") && !$0.contains("R") }
        }
    }

    @Test func aFlipByAnotherClientArrivesWithoutWaitingForAPoll() throws {
        try withServer { server in
            let writer = try server.connect()
            try writer.execute("HSET", "toggle:darkMode", "toggle", "False")
            let snapshots = Snapshots()
            let (poller, channel) = live(server.endpoint, interval: Self.noPoll, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(
                eventually(timeout: Self.deadline) { snapshots.mode == "live" && snapshots.toggle("darkMode") == "False" },
                "live mode with the toggle read: \(String(describing: snapshots.mode))")
            let before = snapshots.all.count
            try writer.execute("HSET", "toggle:darkMode", "toggle", "True")
            #expect(
                eventually(timeout: Self.deadline) { snapshots.toggle("darkMode") == "True" },
                "the flip arrived without a poll (the next one is an hour away)")
            #expect(snapshots.all.count - before <= 3, "one poll for the change, not a storm")
        }
    }

    @Test func aNewLogSourceAndANewToggleShowAtOnce() throws {
        try withServer { server in
            let writer = try server.connect()
            let snapshots = Snapshots()
            let (poller, channel) = live(server.endpoint, interval: Self.noPoll, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(eventually(timeout: Self.deadline) { snapshots.mode == "live" })
            try writer.execute("LPUSH", "recent:brandnew:error", "Thu Nov 26 18:03:33 2026 first line of a new source")
            #expect(
                eventually(timeout: Self.deadline) {
                    snapshots.all.contains { $0.newLogLines.contains { $0.message.contains("first line of a new source") } }
                }, "a list that did not exist before, read when the server said so")
            try writer.execute("HSET", "toggle:brandNew", "toggle", "on")
            #expect(eventually(timeout: Self.deadline) { snapshots.toggle("brandNew") == "on" }, "a new toggle under the prefix")
        }
    }

    /// Without a module the overview walks every error hash; a reported one is read by its key.
    @Test func aNewErrorShowsAtOnceWithoutAWalk() throws {
        try withServer { server in
            let writer = try server.connect()
            // Inside the 15-minute window, so the counts per toggle (the window's) take both.
            let now = Date()
            try writer.execute(
                "HSET", "error:" + ErrorID.make(toggle: "darkMode", date: now.addingTimeInterval(-300)),
                "toggleName", "darkMode", "toggleValue", "True",
                "fingerPrint", "Li W", "exceptionBody", "java.lang.IllegalStateException: old one")
            let snapshots = Snapshots()
            let (poller, channel) = live(server.endpoint, interval: Self.noPoll, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(
                eventually(timeout: Self.deadline) {
                    snapshots.mode == "live" && snapshots.all.contains { $0.latestErrors?.rows.count == 1 }
                })
            try writer.execute(
                "HSET", "error:" + ErrorID.make(toggle: "darkMode", date: now), "toggleName", "darkMode", "toggleValue", "True",
                "fingerPrint", "Li W", "exceptionBody", "java.lang.IllegalStateException: brand new")
            #expect(
                eventually(timeout: Self.deadline) {
                    snapshots.all.last { $0.latestErrors != nil }?.latestErrors?.rows.first?.body.contains("brand new") == true
                }, "the new error, newest first")
            #expect(snapshots.all.compactMap(\.errorCounts).last?.first { $0.toggle == "darkMode" }?.count == 2)
        }
    }

    @Test func resubscribesAfterARestart() throws {
        try withServer { server in
            let writer = try server.connect()
            try writer.execute("HSET", "toggle:t", "toggle", "off")
            let snapshots = Snapshots()
            let (poller, channel) = live(server.endpoint, interval: Self.noPoll, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(eventually(timeout: Self.deadline) { snapshots.mode == "live" && snapshots.toggle("t") == "off" })
            server.stop()
            try server.start()
            let again = try server.connect()
            try again.execute("HSET", "toggle:t", "toggle", "off")
            // Back to live, on the new server, then a change arrives again without a poll.
            #expect(
                eventually(timeout: Self.deadline) {
                    (try? again.execute("CLIENT", "LIST").string?.contains("opsdeck-invalidations")) == true
                        && snapshots.mode == "live"
                }, "mode \(String(describing: snapshots.mode)); clients: \((try? again.execute("CLIENT", "LIST").string) ?? "?")")
            // The mode above may still be the old server's: wait for tracking on the new one.
            #expect(
                eventually(timeout: Self.deadline) { Self.trackingIsOn(again) },
                "tracking re-enabled: \((try? again.execute("CLIENT", "LIST").string) ?? "?")")
            try again.execute("HSET", "toggle:t", "toggle", "on")
            #expect(eventually(timeout: Self.deadline) { snapshots.toggle("t") == "on" }, "invalidations flow again after the restart")
        }
    }

    @Test func withoutCLIENTPermissionItPollsAndSaysWhy() throws {
        try withServer { server in
            let admin = try server.connect()
            try admin.execute(
                "ACL", "SETUSER", "noclient", "on", ">pw", "~*", "&*", "+@read", "+ping", "+auth", "+hello", "+info",
                "+select", "+client|setname", "+subscribe")
            try admin.execute("HSET", "toggle:x", "toggle", "off")
            var endpoint = server.endpoint
            endpoint.username = "noclient"
            endpoint.password = "pw"
            let snapshots = Snapshots()
            let (poller, channel) = live(endpoint, interval: 0.2, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            #expect(
                eventually(timeout: Self.deadline) { snapshots.mode?.contains("CLIENT not permitted") == true },
                "\(String(describing: snapshots.mode))")
            try admin.execute("HSET", "toggle:x", "toggle", "on")
            #expect(eventually(timeout: Self.deadline) { snapshots.toggle("x") == "on" }, "polling still brings the change")
        }
    }

    /// A busy session store must not flood the dashboard: sessions are never broadcast, and the
    /// few it read are reported once each, which no feed acts on.
    @Test func aFloodOfSessionWritesCausesNoPollStorm() throws {
        try withServer { server in
            let writer = try server.connect()
            try writer.send((0..<600).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            let snapshots = Snapshots()
            let (poller, channel) = live(server.endpoint, interval: Self.noPoll, into: snapshots)
            defer {
                channel.stop()
                poller.stop()
            }
            try #require(
                eventually(timeout: Self.deadline) { snapshots.mode == "live" && snapshots.all.contains { ($0.sessions?.count ?? 0) > 0 } })
            let before = snapshots.all.count
            for round in 0..<20 {
                try writer.send((0..<1_000).map { RedisCommand("HSET", "session:\($0)", "authType", "w\(round)") })
            }
            // A toggle written after the flood: the server reports it after every session write
            // (one connection, in order), so once it is on show, the flood has had its chance.
            try writer.execute("HSET", "toggle:afterTheFlood", "toggle", "on")
            try #require(eventually(timeout: Self.deadline) { snapshots.toggle("afterTheFlood") == "on" })
            #expect(snapshots.all.count - before <= 3, "\(snapshots.all.count - before) polls for 20,000 session writes and one toggle")
        }
    }
}
