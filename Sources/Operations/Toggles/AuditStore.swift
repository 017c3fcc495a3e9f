import RedisClient

/// Reads the flip audit trail (`patterns.auditKey`, a list, newest first). Writing happens only
/// inside the flip script (`ToggleFlipScript`), atomically with the flip itself.
///
/// Stateless; runs on the thread that owns `env.redis`.
public enum AuditStore {
    /// Audit entries, newest first, at most `limit`. With `toggle`, only that toggle's entries —
    /// plus any element that is not a valid entry, since it cannot be attributed and must not
    /// vanish silently (it shows as `unparsed`).
    public static func history(_ env: OpsEnvironment, toggle: String? = nil, limit: Int = 20) throws(OperationsError) -> [AuditEntry] {
        guard limit > 0 else { return [] }
        let key = RedisKey(env.patterns.auditKey)
        // Per toggle the whole capped list is read (at most auditCap elements), then filtered.
        let stop = toggle == nil ? limit - 1 : -1
        let replies = try env.run { redis throws(RedisError) in
            try redis.send([RedisCommand("TYPE", key), RedisCommand("LRANGE", key, 0, stop)])
        }
        let type: String
        do { type = try replies[0].text(of: "TYPE") } catch { throw .redis(error) }
        guard type == "list" || type == "none" else {
            throw .badData("the audit key \(key.text) holds a \(type), not a list; "
                + "set another `audit-key` in the config or remove that key.")
        }
        let elements: [RedisValue]
        do { elements = try replies[1].elements(of: "LRANGE") } catch { throw .redis(error) }
        var entries: [AuditEntry] = []
        for element in elements {
            let entry = AuditEntry(stored: element.string ?? "")
            if let toggle, entry.isValid, entry.toggle != toggle { continue }
            entries.append(entry)
            if entries.count >= limit { break }
        }
        return entries
    }
}
