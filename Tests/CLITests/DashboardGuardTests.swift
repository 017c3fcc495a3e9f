import Dashboard
import DashboardFeeds
import Foundation
import LocalRedis
import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Guards started from the dashboard's flip dialog (`DashboardGuards`, the CLI's `GuardedFlip`
/// underneath) on a real server: one trips and reverts once, audited with the rule and the
/// figures; on quitting, one is handed over to a real detached `opsdeck toggles guard-resume`
/// that takes the same record over (same token, never expired) and reverts when the rule
/// breaks; one is cancelled (audited, not reverted). Errors are written by the real binary.
@Suite struct DashboardGuardTests {
    private static let record = "opsdeck:guard:{payments}"

    /// The guards of a dashboard on `server`, their messages collected.
    private func guards(_ server: RedisServerProcess, _ messages: Inbox) -> DashboardGuards {
        DashboardGuards(
            groups: [(kinds: DataKind.allCases, options: RedisConnectionOptions(endpoint: server.endpoint))],
            patterns: KeyPatterns(), readOnly: false, actor: "dash-user", now: { Date() }, interval: 0.2
        ) { message in messages.list.withLock { $0.append(message) } }
    }

    /// `payments` off, then a guard from the dialog turning it on, running.
    private func startGuard(_ redis: RedisConnection, _ guards: DashboardGuards, _ messages: Inbox) throws {
        try redis.execute("HSET", "payments", "toggle", "false")
        guards.start(
            toggle: "payments", on: true, expectedRaw: "false", reason: "release 7", rule: "errors > 2 in 5m", duration: "120s")
        let started = try eventually {
            try redis.execute("HGET", Self.record, "state").string == "running"
                && messages.list.withLock { $0.contains { if case .guardStarted = $0 { true } else { false } } }
        }
        #expect(started, "never started: \(messages.list.withLock { $0 })")
        #expect(try redis.execute("HGET", "payments", "toggle").string == "true")
    }

    /// A server, the dashboard's guards on it, and a guard from the dialog running on `payments`.
    private func withRunningGuard(_ body: (RedisConnection, RedisServerProcess, DashboardGuards, Inbox) throws -> Void) throws {
        try withConnection { redis, server in
            let messages = Inbox()
            let guards = guards(server, messages)
            try startGuard(redis, guards, messages)
            try body(redis, server, guards, messages)
        }
    }

    private func audit(_ redis: RedisConnection) throws -> [[String: Any]] {
        try (redis.execute("LRANGE", "opsdeck:audit:{payments}", 0, -1).array ?? []).compactMap {
            try JSONSerialization.jsonObject(with: Data(($0.string ?? "").utf8)) as? [String: Any]
        }
    }

    @Test func aGuardFromTheDialogTripsAndRevertsOnceAudited() throws {
        try withRunningGuard { redis, server, guards, messages in
            try GuardProcess.addErrors(3, connection: ["-s", server.socketPath])
            var ended: (String, Bool)?
            #expect(
                eventually {
                    ended = messages.list.withLock { list in
                        list.lazy.compactMap { if case .guardEnded(_, let text, let alarm) = $0 { (text, alarm) } else { nil } }.first
                    }
                    return ended != nil
                }, "\(messages.list.withLock { $0 })")
            #expect(ended?.0.contains("auto-revert: 3 errors in 5m > 2") == true && ended?.1 == true, "\(String(describing: ended))")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
            let entries = try audit(redis)
            #expect(entries.count == 2, "the flip and ONE revert: \(entries)")
            #expect(entries.first?["reason"] as? String == "auto-revert: 3 errors in 5m > 2")
            #expect(entries.last?["reason"] as? String == "release 7")
            #expect(entries.allSatisfy { $0["actor"] as? String == "dash-user" })
            #expect(try redis.execute("HGET", Self.record, "state").string == "reverted")
            #expect(guards.toggles.isEmpty)
        }
    }

    @Test func keepRunningHeadlessHandsTheSameGuardToADetachedProcess() throws {
        try withRunningGuard { redis, server, guards, messages in
            let token = try redis.execute("HGET", Self.record, "token").string
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-handoff-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let child = Inbox()
            defer {
                // Only if the test failed before the guard ended it: its own pid, never by name.
                let pid = child.pid.withLock { $0 }
                if pid > 0, kill(pid, 0) == 0 { kill(pid, SIGKILL) }
                try? FileManager.default.removeItem(at: home)
            }
            var handOff = GuardHandOff(executable: try OpsdeckRun.binary().path, arguments: ["-s", server.socketPath])
            handOff.environment = OpsdeckRun.environment(home: home.path)
            handOff.started = { pid in child.pid.withLock { $0 = pid } }
            #expect(guards.release(headless: true, handOff: handOff) == [])
            #expect(guards.toggles.isEmpty, "this dashboard no longer watches")
            // The same record, the same token, still running: taken over, not claimed again.
            #expect(try redis.execute("HGET", Self.record, "state").string == "running")
            #expect(try redis.execute("HGET", Self.record, "token").string == token)
            #expect(child.pid.withLock { $0 } > 0)
            try GuardProcess.addErrors(3, connection: ["-s", server.socketPath])
            #expect(
                try eventually { try redis.execute("HGET", Self.record, "state").string == "reverted" },
                "the headless guard never reverted")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "false")
            let entries = try audit(redis)
            #expect(entries.count == 2, "the flip and ONE revert: \(entries)")
            #expect(entries.first?["reason"] as? String == "auto-revert: 3 errors in 5m > 2")
            #expect(entries.first?["actor"] as? String == "dash-user", "audited as the dashboard's user")
            // The process ends by itself once its guard ended.
            #expect(eventually { kill(child.pid.withLock { $0 }, 0) != 0 || Self.isZombie(child.pid.withLock { $0 }) })
        }
    }

    @Test func cancelOnQuitEndsTheGuardAuditedWithoutReverting() throws {
        try withRunningGuard { redis, server, guards, messages in
            let handOff = GuardHandOff(executable: "/nonexistent", arguments: [])
            #expect(guards.release(headless: false, handOff: handOff) == [])
            #expect(guards.toggles.isEmpty)
            #expect(try redis.execute("HGET", Self.record, "state").string == "cancelled")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "true", "not reverted")
            let entries = try audit(redis)
            #expect(entries.first?["reason"] as? String == "guard cancelled: cancelled on quitting the dashboard", "\(entries)")
            #expect(entries.first?["actor"] as? String == "dash-user")
            #expect(try redis.execute("ZSCORE", "opsdeck:guards", "payments").isNull, "taken off the registry")
        }
    }

    /// A hand-over that fails (no such binary) leaves the guard here, taken back with its token:
    /// said, and still watched (the rule still trips it).
    @Test func aFailedHandOverKeepsTheGuardHere() throws {
        try withRunningGuard { redis, server, guards, messages in
            let token = try redis.execute("HGET", Self.record, "token").string
            let problems = guards.release(headless: true, handOff: GuardHandOff(executable: "/nonexistent/opsdeck", arguments: []))
            #expect(problems.count == 1 && problems.first?.contains("still guarded here") == true, "\(problems)")
            #expect(guards.toggles == ["payments"])
            #expect(try redis.execute("HGET", Self.record, "token").string == token)
            try GuardProcess.addErrors(3, connection: ["-s", server.socketPath])
            #expect(try eventually { try redis.execute("HGET", Self.record, "state").string == "reverted" })
            #expect(try audit(redis).count == 2)
        }
    }

    /// What the guards said, and the handed-over process's pid, from their threads.
    final class Inbox: Sendable {
        let list = Mutex<[Message]>([])
        let pid = Mutex<Int32>(0)
    }

    /// A child that exited but was not reaped yet (`Process` reaps it on its own queue).
    private static func isZombie(_ pid: Int32) -> Bool {
        ((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "").contains(") Z ")
    }
}
