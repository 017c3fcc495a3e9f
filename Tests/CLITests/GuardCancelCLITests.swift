import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Cancelling a running guard the way the dashboard does (`GuardStore.cancel`, docs/guarded-flips.md,
/// "Cancelling a guard"): the real guard process, on a real server, sees the mark at its next
/// check and exits 10 without reverting; the cancel is audited with who did it.
@Suite struct GuardCancelCLITests {
    private static let record = "opsdeck:guard:{payments}"

    @Test func aDashboardCancelEndsTheGuardWithoutRevertingAudited() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "payments", "toggle", "false")
            let guarded = try GuardProcess([
                "toggles", "set", "payments", "on", "--guard", "errors > 50 in 5m", "--for", "120s",
                "--guard-interval", "0.2", "--as", "ci-bot", "-s", server.socketPath,
            ])
            let running = try eventually {
                try redis.execute("HGET", Self.record, "state").string == "running"
                    && redis.execute("HGET", "payments", "toggle").string == "true"
            }
            #expect(running, "guard never started: \(guarded.stdout) \(guarded.stderr)")
            let env = OpsEnvironment(redis: redis, actor: "alice")
            let outcome = try GuardStore.cancel(env, name: "payments", reason: "looks fine, INC-7")
            guard case .cancelled(let entry) = outcome else {
                Issue.record("not cancelled: \(outcome)")
                return
            }
            #expect(entry.actor == "alice" && entry.reason == "guard cancelled: looks fine, INC-7")
            #expect(guarded.finish() == 10, "stdout: \(guarded.stdout) stderr: \(guarded.stderr)")
            #expect(guarded.stderr.contains("guard cancelled by alice"), "\(guarded.stderr)")
            #expect(try redis.execute("HGET", "payments", "toggle").string == "true", "a cancel never reverts")
            #expect(try redis.execute("HGET", Self.record, "state").string == "cancelled")
            #expect(try redis.execute("HGET", Self.record, "cancelledBy").string == "alice")
            #expect(try redis.execute("ZSCORE", "opsdeck:guards", "payments").isNull, "taken off the registry")
            let entries = try (redis.execute("LRANGE", "opsdeck:audit:{payments}", 0, -1).array ?? []).map {
                AuditEntry(stored: $0.string ?? "")
            }
            #expect(entries.count == 2, "the flip and the cancel: \(entries)")
            #expect(entries.first?.actor == "alice" && entries.first?.old == "true" && entries.first?.new == "true")
            // A second cancel finds no running guard and writes nothing.
            #expect(try GuardStore.cancel(env, name: "payments", reason: nil) == .notRunning(state: "cancelled"))
            #expect(try redis.execute("LLEN", "opsdeck:audit:{payments}").int == 2)
        }
    }

    @Test func readOnlyRefusesACancel() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "payments", "toggle", "true")
            try redis.execute("HSET", Self.record, "state", "running", "actor", "ci-bot")
            let env = OpsEnvironment(redis: redis, readOnly: true, actor: "alice")
            #expect(throws: OperationsError.self) { try GuardStore.cancel(env, name: "payments", reason: "x") }
            #expect(try redis.execute("HGET", Self.record, "state").string == "running")
            #expect(try redis.execute("EXISTS", "opsdeck:audit:{payments}").int == 0)
        }
    }
}
