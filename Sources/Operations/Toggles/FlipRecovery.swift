import Foundation
import RedisClient

/// What a flip does when its script's reply is lost (the connection dropped or timed out after
/// the script was sent): the script may or may not have run, and only the server knows. Every
/// flip's audit entry carries the flip's id, so reconnecting and reading the toggle's audit list
/// tells: the entry is there (applied) or it is not (not applied — a script runs whole or not at
/// all, and its audit entry is written with its value). If the server cannot be reached for the
/// whole budget, the outcome is unknown and said so, with the command that tells.
///
/// Stateless; runs on the thread that owns `env.redis`.
enum FlipRecovery {
    /// A fresh id for one flip: 16 hex digits.
    static func newID() -> String {
        let value = UInt64.random(in: .min ... .max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether the flip `id` was applied, asking the server again until it answers or
    /// `seconds` have passed (then `.outcomeUnknown`). `lost` is the failure that lost the reply.
    static func wasApplied(
        _ env: OpsEnvironment, id: String, auditKey: RedisKey, toggle: String, within seconds: Double, lost: RedisError
    ) throws(OperationsError) -> Bool {
        let deadline = CommandDeadline(seconds: seconds)
        var last = lost
        repeat {
            (env.redis as? any RedisLink)?.allowImmediateRetry()
            do {
                let reply = try env.redis.execute("LRANGE", auditKey, 0, -1)
                try ReplyShape.checkStrings(reply, of: "LRANGE")
                return (reply.array ?? []).contains { AuditEntry(stored: $0.string ?? "").id == id }
            } catch {
                // An error reply (BUSY, NOPERM) is an answer about the server, not about the
                // flip: keep asking until the budget runs out.
                last = error
            }
            Thread.sleep(forTimeInterval: min(0.2, max(0, deadline.remaining)))
        } while !deadline.hasPassed
        throw .outcomeUnknown(
            action: "set toggle \(toggle)",
            cause: last == lost ? lost.shortReason : "\(lost.shortReason); then \(last.shortReason)",
            check: "`opsdeck toggles history \(toggle) --json` tells: the flip was applied if an entry has \"id\": \"\(id)\".")
    }

    /// The note on a flip whose reply was lost and that turned out applied.
    static func appliedNote(_ lost: RedisError) -> String {
        "the reply was lost (\(RedisError.clause(lost.shortReason))); after reconnecting, the flip's audit entry shows it was applied"
    }
}
