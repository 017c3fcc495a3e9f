import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// A guard across a Sentinel failover (docs/guarded-flips.md): the guard process, started
/// against the Sentinels' URL, keeps refreshing its record and trips on errors written after a
/// `SENTINEL FAILOVER`, so its record, its revert and the audit are on the new master.
@Suite struct GuardSentinelTests {
    @Test func aGuardFollowsAFailoverAndRevertsOnTheNewMaster() throws {
        let set = try LocalSentinels(port: freeLoopbackPort)
        defer { set.stop() }
        let first = try set.master.connect()
        try first.execute("HSET", "payments", "toggle", "false")
        let guarded = try GuardProcess([
            "toggles", "set", "payments", "on", "--guard", "errors > 2 in 5m", "--for", "300s",
            "--guard-interval", "0.2", "--as", "ci-bot", "--url", set.url,
        ])
        let running = try eventually { try first.execute("HGET", "opsdeck:guard:{payments}", "state").string == "running" }
        #expect(running, "guard never started: \(guarded.stdout) \(guarded.stderr)")
        let promoted = try set.failover()
        let master = try LocalSentinels.connect(port: promoted)
        // The guard refreshes its record on the new master: a mark put there is overwritten by
        // its next check (it rewrites the figures every check).
        try master.execute("HSET", "opsdeck:guard:{payments}", "progress", "marked")
        let refreshed = try eventually {
            try master.execute("HGET", "opsdeck:guard:{payments}", "progress").string == "0/2"
                && master.execute("HGET", "opsdeck:guard:{payments}", "state").string == "running"
        }
        #expect(refreshed, "the guard does not refresh its record on the new master: \(guarded.stderr)")
        try GuardProcess.addErrors(3, connection: ["--url", set.url])
        #expect(guarded.finish() == 8, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
        #expect(try master.execute("HGET", "payments", "toggle").string == "false")
        #expect(try master.execute("HGET", "opsdeck:guard:{payments}", "state").string == "reverted")
        let audit = try master.execute("LRANGE", "opsdeck:audit:{payments}", 0, -1).array?.compactMap(\.string) ?? []
        #expect(audit.count == 2, "the flip (replicated) and the revert, on the new master: \(audit)")
        #expect(audit.first?.contains("auto-revert: 3 errors in 5m > 2") == true)
    }
}
