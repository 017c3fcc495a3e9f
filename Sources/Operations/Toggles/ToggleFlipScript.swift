import RedisClient

/// The Lua script that flips a toggle: compare-and-set plus audit entry, atomically.
///
/// Redis runs a script without interleaving other clients, so the value check and the two
/// writes cannot be separated by a concurrent flip. Its two keys share a slot (`AuditKey`), so
/// the script runs on a cluster too; the log line, in another slot and possibly on another
/// server, is written after it (`ToggleStore.flip`). A script is not rolled back when a command
/// fails half-way, so every check (key type, toggle field, expected value, list types) happens
/// before the first write. Everything variable — the new raw value, the audit JSON, the log line
/// with its timestamp — is computed by the client and passed as ARGV, so the script is
/// deterministic and replicates verbatim.
///
/// KEYS: toggle hash, its audit list.
/// ARGV: expected raw value, new raw value, audit JSON, audit cap.
/// Reply: `{"ok", old}`, `{"conflict", current}`, `{"missing", type}`, `{"notoggle"}`,
/// `{"badlist", key, type}`.
enum ToggleFlipScript {
    static let source = """
        local kind = redis.call('TYPE', KEYS[1])['ok']
        if kind ~= 'hash' then return {'missing', kind} end
        local current = redis.call('HGET', KEYS[1], 'toggle')
        if not current then return {'notoggle'} end
        if current ~= ARGV[1] then return {'conflict', current} end
        local listKind = redis.call('TYPE', KEYS[2])['ok']
        if listKind ~= 'list' and listKind ~= 'none' then return {'badlist', KEYS[2], listKind} end
        redis.call('HSET', KEYS[1], 'toggle', ARGV[2])
        redis.call('LPUSH', KEYS[2], ARGV[3])
        redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
        return {'ok', current}
        """

    enum Outcome: Equatable {
        case flipped(old: String)
        case conflict(current: String)
        case missing(type: String)
        case noToggleField
        case badList(key: String, type: String)
    }

    static func command(
        toggleKey: RedisKey, auditKey: RedisKey, expected: String, new: String, auditJSON: String, auditCap: Int
    ) -> RedisCommand {
        RedisCommand("EVAL", source, 2, toggleKey, auditKey, expected, new, auditJSON, max(1, auditCap))
    }

    static func outcome(of reply: RedisValue) throws(OperationsError) -> Outcome {
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        guard let parts = reply.array, let tag = parts.first?.string else {
            throw .redis(.unexpectedReply(command: "EVAL", detail: "flip script returned no status"))
        }
        let second = parts.count > 1 ? parts[1].string ?? "" : ""
        switch tag {
        case "ok": return .flipped(old: second)
        case "conflict": return .conflict(current: second)
        case "missing": return .missing(type: second)
        case "notoggle": return .noToggleField
        case "badlist": return .badList(key: second, type: parts.count > 2 ? parts[2].string ?? "" : "")
        default: throw .redis(.unexpectedReply(command: "EVAL", detail: "flip script returned \(tag)"))
        }
    }
}
