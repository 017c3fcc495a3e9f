import RedisClient

/// The Lua script that records a change opsdeck saw but did not make (issue 24), once however
/// many dashboards saw it.
///
/// Every dashboard watching notices the same `HSET` from outside; each runs this script, and
/// Redis runs scripts one at a time, so the first appends the entry and the others find it at
/// the head of the trail and append nothing. "Already recorded" means the trail's newest entry
/// already ends at the value seen (`new`): an opsdeck flip (whose entry is written with the
/// value, atomically) or another dashboard's observation. The value is re-checked first: if it
/// moved again meanwhile the observation is stale and the next poll sees the newer one. As in
/// `ToggleFlipScript`, every check comes before the first write, the two keys share a slot
/// (`AuditKey`), and everything variable is ARGV, so the script replicates verbatim.
///
/// KEYS: toggle hash, its audit list.
/// ARGV: value seen, audit JSON, audit cap.
/// Reply: `{"recorded"}`, `{"known"}`, `{"moved"}`, `{"badlist", key, type}`.
enum ObservedChangeScript {
    static let source = """
        if redis.call('TYPE', KEYS[1])['ok'] ~= 'hash' then return {'moved'} end
        if redis.call('HGET', KEYS[1], 'toggle') ~= ARGV[1] then return {'moved'} end
        local listKind = redis.call('TYPE', KEYS[2])['ok']
        if listKind ~= 'list' and listKind ~= 'none' then return {'badlist', KEYS[2], listKind} end
        local last = redis.call('LINDEX', KEYS[2], 0)
        if last then
          local ok, entry = pcall(cjson.decode, last)
          if ok and type(entry) == 'table' and entry['new'] == ARGV[1] then return {'known'} end
        end
        redis.call('LPUSH', KEYS[2], ARGV[2])
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
        return {'recorded'}
        """

    enum Outcome: Equatable {
        case recorded
        case known
        case moved
        case badList(key: String, type: String)
    }

    static func command(toggleKey: RedisKey, auditKey: RedisKey, seen: String, auditJSON: String, auditCap: Int) -> RedisCommand {
        RedisCommand("EVAL", source, 2, toggleKey, auditKey, seen, auditJSON, max(1, auditCap))
    }

    static func outcome(of reply: RedisValue) throws(OperationsError) -> Outcome {
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        guard let parts = reply.array, let tag = parts.first?.string else {
            throw .redis(.unexpectedReply(command: "EVAL", detail: "observation script returned no status"))
        }
        switch tag {
        case "recorded": return .recorded
        case "known": return .known
        case "moved": return .moved
        case "badlist":
            return .badList(key: parts.count > 1 ? parts[1].string ?? "" : "", type: parts.count > 2 ? parts[2].string ?? "" : "")
        default: throw .redis(.unexpectedReply(command: "EVAL", detail: "observation script returned \(tag)"))
        }
    }
}
