import Foundation
import RedisClient

/// Cancelling a running guard from outside its process (the dashboard, docs/guarded-flips.md,
/// "Cancelling a guard"): one script marks the record `cancelled` with who did it and pushes an
/// audit entry to the toggle's audit list (same slot, so it runs on a cluster node); the guard
/// process sees the mark at its next refresh (`GuardStore.update` answers `.cancelled`) and ends
/// without reverting. Nothing is flipped here: the toggle keeps the value the guard set.
/// Stateless; runs on the thread that owns `env.redis`.
extension GuardStore {
    /// KEYS: record, audit list. ARGV: actor, audit JSON, audit cap.
    /// Reply: `{'ok', value}` or `{'notrunning', state}` (state empty when there is no record).
    static let cancelScript = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'running' then return {'notrunning', state or ''} end
        local listKind = redis.call('TYPE', KEYS[2])['ok']
        if listKind ~= 'list' and listKind ~= 'none' then return {'badlist', listKind} end
        redis.call('HSET', KEYS[1], 'state', 'cancelled', 'cancelledBy', ARGV[1])
        redis.call('LPUSH', KEYS[2], ARGV[2])
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
        return {'ok', redis.call('HGET', KEYS[1], 'value') or ''}
        """

    /// What a cancel found.
    public enum Cancel: Sendable, Equatable {
        /// The record is marked; its guard ends at its next check. The audit entry written.
        case cancelled(AuditEntry)
        /// No running guard: `state` is the finish mark found, empty when there is no record.
        case notRunning(state: String)
    }

    /// Marks the running guard of toggle `name` cancelled by `env.actor`, audited
    /// (`guard cancelled: <reason>`, old and new both the toggle's current value: nothing flips).
    /// A write: `env.gate` refuses it in read-only mode; requiring a reason is the caller's gate.
    public static func cancel(_ env: OpsEnvironment, name: String, reason: String?) throws(OperationsError) -> Cancel {
        let action = "cancel the guard on toggle \(name)"
        try env.gate.check(action)
        let toggle = try ToggleStore.get(env, name: name)
        let key = GuardRecord.key(for: toggle.key, patterns: env.patterns)
        let auditKey = AuditKey.forToggle(toggle.key, base: env.patterns.auditKey)
        let why = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let entry = AuditEntry(
            time: AsctimeTimestamp.iso8601(env.now()), actor: env.actor, toggle: toggle.name,
            old: toggle.value.raw, new: toggle.value.raw,
            reason: "guard cancelled" + (why.map { ": \($0)" } ?? ""), id: FlipRecovery.newID())
        let command = RedisCommand(
            "EVAL", cancelScript, 2, key, auditKey, env.actor, entry.storedJSON(),
            max(1, env.patterns.auditCap))
        let reply = try env.gate.write(action, [command], on: env.redis).first ?? .null
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        guard let parts = reply.array, let tag = parts.first?.string else {
            throw .redis(.unexpectedReply(command: "EVAL", detail: "guard cancel returned no status"))
        }
        let second = parts.count > 1 ? parts[1].string ?? "" : ""
        switch tag {
        case "ok": return .cancelled(entry)
        case "notrunning": return .notRunning(state: second)
        case "badlist": throw .badData("\(auditKey.text) is a \(second), not an audit list; nothing was written.")
        default: throw .redis(.unexpectedReply(command: "EVAL", detail: "guard cancel returned \(tag)"))
        }
    }
}
