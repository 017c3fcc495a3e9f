import Foundation
import RedisClient

/// A toggle's value changed and no opsdeck flip says so: someone used `redis-cli`, a deploy
/// script, another tool. The dashboard and `opsdeck watch` put it on the record as an audit
/// entry by `AuditEntry.outside`, naming the opsdeck that saw it (`seenBy`), so "what changed,
/// and who" has an answer after the screen's notice is gone (issue 24).
///
/// Stateless; runs on the thread that owns `env.redis`.
public enum ObservedChange {
    /// The entry for `toggle` (now at its new value) seen moving from `old` at `env.now()`.
    public static func entry(_ env: OpsEnvironment, toggle: Toggle, old: String) -> AuditEntry {
        var entry = AuditEntry(
            time: AsctimeTimestamp.iso8601(env.now()), actor: AuditEntry.outside, toggle: toggle.name,
            old: old, new: toggle.value.raw, reason: nil)
        entry.seenBy = env.actor
        return entry
    }

    /// Whether `latest` (the newest entry of the toggle's trail) already accounts for its value.
    public static func isExplained(_ toggle: Toggle, by latest: AuditEntry?) -> Bool {
        latest.map { $0.isValid && $0.new == toggle.value.raw } ?? false
    }

    /// Appends the observation to the toggle's own audit list unless its newest entry already
    /// ends at this value (another dashboard saw it first, or it was an opsdeck flip), through
    /// the write gate: a read-only environment writes nothing and gets `.readOnly`, and the
    /// caller keeps the entry in memory (`AuditEntry.notRecorded`). Returns the entry written,
    /// nil when there was nothing to write.
    @discardableResult
    public static func record(_ env: OpsEnvironment, toggle: Toggle, old: String) throws(OperationsError) -> AuditEntry? {
        let entry = entry(env, toggle: toggle, old: old)
        let auditKey = AuditKey.forToggle(toggle.key, base: env.patterns.auditKey)
        let command = ObservedChangeScript.command(
            toggleKey: toggle.key, auditKey: auditKey, seen: toggle.value.raw,
            auditJSON: entry.storedJSON(), auditCap: env.patterns.auditCap)
        let replies = try env.gate.write("record a change made outside opsdeck", [command], on: env.redis)
        guard let reply = replies.first else {
            throw .redis(.unexpectedReply(command: "EVAL", detail: "no reply"))
        }
        switch try ObservedChangeScript.outcome(of: reply) {
        case .recorded: return entry
        case .known, .moved: return nil
        case .badList(let key, let type):
            throw .badData(
                "the audit key \(key) holds a \(type), not a list, so the change seen cannot be recorded; "
                    + "set another `audit-key` in the config or remove that key.")
        }
    }
}
