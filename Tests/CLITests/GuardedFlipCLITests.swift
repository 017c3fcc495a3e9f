import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// `toggles set NAME on --guard RULE --for DURATION` with the real binary on real servers
/// (docs/guarded-flips.md): errors written by the test trip the guard, which reverts once,
/// audited with the rule and figures; a quiet guard exits 0; someone else's change is not
/// reverted; a second guard is refused; a killed guard's record expires; a signal ends it.
@Suite struct GuardedFlipCLITests {
    private static let record = "opsdeck:guard:{payments}"

    private func state(_ redis: RedisConnection) throws -> String? {
        try redis.execute("HGET", Self.record, "state").string
    }

    /// Waits until the guard flipped the toggle and its record says it is running.
    private func waitRunning(_ redis: RedisConnection, _ guarded: GuardProcess) throws {
        // Listed in the registry too: it is written after the flip, so a guard killed before that is never listed.
        let running = try eventually {
            try state(redis) == "running" && redis.execute("HGET", "payments", "toggle").string == "true"
                && !redis.execute("ZSCORE", "opsdeck:guards", "payments").isNull
        }
        #expect(running, "guard never started: \(guarded.stdout) \(guarded.stderr)")
    }

    /// `payments` off, then a guard turning it on with `arguments`, running.
    private func startGuard(_ redis: RedisConnection, _ arguments: [String]) throws -> GuardProcess {
        try redis.execute("HSET", "payments", "toggle", "false")
        let guarded = try GuardProcess(["toggles", "set", "payments", "on"] + arguments)
        try waitRunning(redis, guarded)
        return guarded
    }

    private func addErrors(_ count: Int, socket: [String]) throws {
        try GuardProcess.addErrors(count, connection: socket)
    }

    private func audit(_ redis: RedisConnection) throws -> [[String: Any]] {
        try (redis.execute("LRANGE", "opsdeck:audit:{payments}", 0, -1).array ?? []).compactMap {
            try JSONSerialization.jsonObject(with: Data(($0.string ?? "").utf8)) as? [String: Any]
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func aGuardThatTripsRevertsOnceAudited(flavor: ServerFlavor) throws {
        try withConnection(flavor) { redis, server in
            let socket = ["-s", server.socketPath]
            if flavor != .plain { #expect(try OpsdeckRun.run(["errors", "init"] + socket).status == 0) }
            let guarded = try startGuard(
                redis,
                [
                    "--guard", "errors > 2 in 5m", "--for", "120s",
                    "--guard-interval", "0.2", "--reason", "release 7", "--as", "ci-bot",
                ] + socket)
            try addErrors(3, socket: socket)
            #expect(guarded.finish() == 8, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
            #expect(guarded.stderr.contains("auto-revert: 3 errors in 5m > 2"))
            let entries = try audit(redis)
            #expect(entries.count == 2, "the flip and ONE revert: \(entries)")
            #expect(entries.first?["reason"] as? String == "auto-revert: 3 errors in 5m > 2")
            #expect(entries.first?["old"] as? String == "true" && entries.first?["new"] as? String == "false")
            #expect(entries.last?["reason"] as? String == "release 7")
            #expect(entries.allSatisfy { ($0["id"] as? String)?.isEmpty == false && $0["actor"] as? String == "ci-bot" })
            let log = try redis.execute("LRANGE", "recent:opsdeck:info", 0, 0).array?.first?.string ?? ""
            #expect(log.contains("true -> false by ci-bot: auto-revert: 3 errors in 5m > 2"), "\(log)")
            #expect(try state(redis) == "reverted")
        }
    }

    @Test func aRateRuleTripsAtItsMinimumOnAQuietToggle() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let guarded = try startGuard(
                redis,
                [
                    "--guard", "rate > 2x before in 1m min 2", "--for", "120s",
                    "--guard-interval", "0.2", "--json",
                ] + socket)
            try addErrors(2, socket: socket)
            #expect(guarded.finish() == 8, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
            let body = try JSONSerialization.jsonObject(with: Data(guarded.stdout.utf8)) as? [String: Any]
            #expect(body?["outcome"] as? String == "reverted")
            #expect((body?["figures"] as? String)?.contains("> 2.0x before (0.0/min), min 2") == true, "\(guarded.stdout)")
            #expect((body?["revert"] as? [String: Any])?["new"] as? String == "false")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
        }
    }

    @Test func aGuardThatHoldsExitsZeroAfterItsTime() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            try redis.execute("HSET", "payments", "toggle", "false")
            // Errors before the flip are not the flip's doing. Ids carry whole seconds and the
            // guard counts the flip's own second, so the flip waits for the next one.
            try addErrors(3, socket: socket)
            let written = Date().timeIntervalSince1970.rounded(.down)
            #expect(eventually { Date().timeIntervalSince1970.rounded(.down) > written })
            let held = try OpsdeckRun.run(
                [
                    "toggles", "set", "payments", "on", "--guard", "errors > 0 in 1m", "--for", "3s",
                    "--guard-interval", "0.5", "--json",
                ] + socket)
            #expect(held.status == 0, "\(held.stderr)")
            let body = try JSONSerialization.jsonObject(with: Data(held.stdout.utf8)) as? [String: Any]
            #expect(body?["outcome"] as? String == "held")
            #expect(body?["figures"] as? String == "0 errors in 1m <= 0")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "true")
            #expect(try state(redis) == "held")
            let ttl = try redis.execute("TTL", Self.record).int ?? -2
            #expect(ttl > 0, "the finish mark expires by itself")
            #expect(try audit(redis).count == 1)
            // The record is not a toggle (toggles are hashes with a `toggle` field).
            let list = try OpsdeckRun.run(["toggles", "list", "--json"] + socket)
            let names = (try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])?.compactMap {
                $0["name"] as? String
            }
            #expect(names == ["payments"], "\(list.allOutput)")
        }
    }

    @Test func aValueChangedMeanwhileIsNotReverted() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let guarded = try startGuard(
                redis,
                [
                    "--guard", "errors > 1 in 5m", "--for", "120s",
                    "--guard-interval", "0.2",
                ] + socket)
            try redis.execute("HSET", "payments", "toggle", "TRUE")
            try addErrors(2, socket: socket)
            #expect(guarded.finish() == 3, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "TRUE")
            #expect(guarded.stderr.contains("not reverted"))
            #expect(try audit(redis).count == 1, "only the guard's own flip")
            #expect(try state(redis) == "not-reverted")
        }
    }

    @Test func aSecondGuardIsRefusedWithWhoHoldsIt() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let first = try startGuard(
                redis,
                [
                    "--guard", "errors > 5 in 5m", "--for", "120s",
                    "--as", "alice",
                ] + socket)
            let second = try OpsdeckRun.run(
                [
                    "toggles", "set", "payments", "off", "--guard", "errors > 5 in 5m", "--for", "1m",
                    "--as", "bob",
                ] + socket)
            #expect(second.status == 3)
            #expect(second.stderr.contains("already guarded by alice"), "\(second.stderr)")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "true", "the refused guard wrote nothing")
            let running = try OpsdeckRun.run(["toggles", "guards"] + socket)
            #expect(running.stdout.contains("guarded · 2m left · 0/5") && running.stdout.contains("alice"), "\(running.allOutput)")
            first.signal(SIGTERM)
            #expect(first.finish() == 9, "\(first.stderr)")
            #expect(first.stderr.contains("guard interrupted: payments stays true"))
            #expect(try state(redis) == "interrupted")
            let ended = try OpsdeckRun.run(["toggles", "guards", "--json"] + socket)
            let left = try JSONSerialization.jsonObject(with: Data(ended.stdout.utf8)) as? [Any]
            #expect(left?.isEmpty == true, "a finished guard is not lost: \(ended.allOutput)")
        }
    }

    @Test func anInterruptCanRevertWhenAskedTo() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let guarded = try startGuard(
                redis,
                [
                    "--guard", "errors > 5 in 5m", "--for", "120s",
                    "--on-interrupt", "revert",
                ] + socket)
            guarded.signal(SIGINT)
            #expect(guarded.finish() == 9, "\(guarded.stderr)")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
            #expect((try audit(redis).first?["reason"] as? String)?.hasPrefix("guard interrupted, reverted") == true)
        }
    }

    @Test func aKilledGuardsRecordExpires() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let guarded = try startGuard(redis, ["--guard", "errors > 5 in 5m", "--for", "120s"] + socket)
            let ttl = try redis.execute("PTTL", Self.record).int ?? -2
            #expect(ttl > 0 && ttl <= 10_000, "a short TTL: \(ttl)")
            guarded.signal(SIGKILL)
            _ = guarded.finish()
            #expect(try eventually { try redis.execute("EXISTS", Self.record).int == 0 }, "the record outlived its guard")
            let guards = try OpsdeckRun.run(["toggles", "guards", "--json"] + socket)
            let listed = try JSONSerialization.jsonObject(with: Data(guards.stdout.utf8)) as? [[String: Any]]
            #expect(listed?.count == 1 && listed?.first?["state"] as? String == "lost", "\(guards.allOutput)")
            #expect((listed?.first?["status"] as? String)?.hasPrefix("guard lost") == true)
            // The toggle keeps the value; a new guard may start.
            let next = try OpsdeckRun.run(["toggles", "set", "payments", "off", "--guard", "errors > 5 in 5m", "--for", "1s"] + socket)
            #expect(next.status == 0, "\(next.stderr)")
        }
    }

    @Test func dryRunReadOnlyAndUsageWriteNothing() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            try redis.execute("HSET", "payments", "toggle", "false")
            let dry = try OpsdeckRun.run(
                [
                    "toggles", "set", "payments", "on", "--guard", "rate > 3x before min 4", "--for", "15m",
                    "--dry-run",
                ] + socket)
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.contains("would set payments on (now false)") && dry.stdout.contains("rate > 3x before min 4"))
            #expect(dry.stdout.contains(Self.record))
            let readOnly = try OpsdeckRun.run(
                [
                    "toggles", "set", "payments", "on", "--guard", "errors > 1 in 1m", "--for", "1m",
                    "--read-only",
                ] + socket)
            #expect(readOnly.status == 4)
            #expect(try redis.execute("DBSIZE").int == 1, "nothing written")
            let bad = try OpsdeckRun.run(["toggles", "set", "payments", "on", "--guard", "errors > 1", "--for", "1m"] + socket)
            #expect(bad.status == 64 && bad.stderr.contains("needs a window"), "\(bad.stderr)")
            let noFor = try OpsdeckRun.run(["toggles", "set", "payments", "on", "--guard", "errors > 1 in 1m"] + socket)
            #expect(noFor.status == 64 && noFor.stderr.contains("--for"), "\(noFor.stderr)")
        }
    }
}
