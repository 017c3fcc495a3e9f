import RedisClient

/// Reads the flip audit trail, newest first: each toggle's own list (`AuditKey`, written by the
/// flip script atomically with the flip) and the one list earlier versions wrote for every
/// toggle (`patterns.auditKey`), which is read but never written again, so nothing recorded is
/// lost. The two are merged by time.
///
/// Stateless; runs on the thread that owns `env.redis`.
public enum AuditStore {
    /// Audit entries, newest first, at most `limit`. With `toggle`, only that toggle's entries —
    /// plus any element of the shared list that is not a valid entry, since it cannot be
    /// attributed and must not vanish silently (it shows as `unparsed`). Without, every toggle's
    /// list is found by a walk over the keyspace (every master of a cluster).
    public static func history(_ env: OpsEnvironment, toggle: String? = nil, limit: Int = 20) throws(OperationsError) -> [AuditEntry] {
        guard limit > 0 else { return [] }
        var lists: [[AuditEntry]] = []
        if let toggle {
            // By the keys the name may stand for, not by the toggle: a deleted toggle's trail stays readable.
            let keys = ToggleNaming(pattern: env.patterns.toggles).candidateKeys(for: toggle)
            lists += try read(env, keys: keys.map { AuditKey.forToggle($0, base: env.patterns.auditKey) }, limit: limit)
        } else {
            let keys = try env.run { redis throws(RedisError) in
                try KeyScanner.collect(
                    on: redis, pattern: AuditKey.pattern(base: env.patterns.auditKey),
                    count: env.patterns.scanCount, type: "list")
            }
            lists += try read(env, keys: keys, limit: limit)
        }
        // The shared list of earlier versions: per toggle the whole capped list is read, then filtered.
        var shared = try read(env, keys: [RedisKey(env.patterns.auditKey)], limit: toggle == nil ? limit : .max)[0]
        if let toggle { shared.removeAll { $0.isValid && $0.toggle != toggle } }
        lists.append(shared)
        return Array(merged(lists).prefix(limit))
    }

    /// The newest entry of each of `toggles` (by key), from its own list or the shared one.
    public static func latest(_ env: OpsEnvironment, toggles: [Toggle], sharedLimit: Int = 200) throws(OperationsError) -> [String:
        AuditEntry]
    {
        var latest: [String: AuditEntry] = [:]
        if !toggles.isEmpty {
            let keys = toggles.map { AuditKey.forToggle($0.key, base: env.patterns.auditKey) }
            for (toggle, entries) in zip(toggles, try read(env, keys: keys, limit: 1)) {
                if let entry = entries.first, entry.isValid { latest[toggle.name] = entry }
            }
        }
        for entry in try read(env, keys: [RedisKey(env.patterns.auditKey)], limit: sharedLimit)[0] where entry.isValid {
            if let known = latest[entry.toggle], known.time >= entry.time { continue }
            if toggles.isEmpty || toggles.contains(where: { $0.name == entry.toggle }) { latest[entry.toggle] = entry }
        }
        return latest
    }

    /// Each list's newest `limit` entries, in one pipeline (TYPE + LRANGE per key). A key of
    /// another type is a configuration problem, said as such; an error reply is an error.
    private static func read(_ env: OpsEnvironment, keys: [RedisKey], limit: Int) throws(OperationsError) -> [[AuditEntry]] {
        if keys.isEmpty { return [] }
        let stop = limit == .max ? -1 : limit - 1
        let replies = try env.run { redis throws(RedisError) in
            try redis.send(keys.flatMap { [RedisCommand("TYPE", $0), RedisCommand("LRANGE", $0, 0, stop)] })
        }
        var lists: [[AuditEntry]] = []
        for (index, key) in keys.enumerated() {
            let type: String
            let elements: [RedisValue]
            do {
                type = try replies[index * 2].text(of: "TYPE")
                guard type == "list" || type == "none" else {
                    throw OperationsError.badData(
                        "the audit key \(key.text) holds a \(type), not a list; "
                            + "set another `audit-key` in the config or remove that key.")
                }
                elements = try replies[index * 2 + 1].elements(of: "LRANGE")
                try ReplyShape.checkStrings(replies[index * 2 + 1], of: "LRANGE")
            } catch let error as OperationsError {
                throw error
            } catch let error as RedisError {
                throw .redis(error)
            } catch {
                throw .redis(.unexpectedReply(command: "LRANGE", detail: "\(error)"))
            }
            lists.append(elements.map { AuditEntry(stored: $0.string ?? "") })
        }
        return lists
    }

    /// Newest first across lists that are each newest first. An entry that cannot be parsed
    /// has no time: it keeps its place after the entry that preceded it in its own list.
    static func merged(_ lists: [[AuditEntry]]) -> [AuditEntry] {
        var positions = [Int](repeating: 0, count: lists.count)
        var out: [AuditEntry] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        while true {
            var best: Int?
            for (index, list) in lists.enumerated() where positions[index] < list.count {
                let candidate = list[positions[index]]
                if !candidate.isValid {
                    best = index
                    break
                }
                if let current = best, lists[current][positions[current]].time >= candidate.time { continue }
                best = index
            }
            guard let chosen = best else { return out }
            out.append(lists[chosen][positions[chosen]])
            positions[chosen] += 1
        }
    }
}
