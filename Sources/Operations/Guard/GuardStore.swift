import Foundation
import RedisClient

/// Claims, refreshes, finishes and reads guard records (`GuardRecord`). Each write is one
/// script over the record's one key, so it runs on a cluster node like the flip script, and
/// goes through `env.gate` (a guard is a write). Ownership is a random token stored in the
/// record: only the process that claimed it may refresh or finish it. Stateless; runs on the
/// thread that owns `env.redis`.
public enum GuardStore {
    /// What a claim found.
    public enum Claim: Sendable, Equatable {
        case claimed(token: String)
        /// Another guard runs on the toggle: who and since when.
        case held(actor: String, started: String)
    }

    /// KEYS: record. ARGV: TTL in ms, then field/value pairs (the token among them).
    static let claimScript = """
        if redis.call('HGET', KEYS[1], 'state') == 'running' then
          return {'held', redis.call('HGET', KEYS[1], 'actor') or '', redis.call('HGET', KEYS[1], 'started') or ''}
        end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], unpack(ARGV, 2))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return {'ok'}
        """

    /// KEYS: record. ARGV: TTL in ms, token, then field/value pairs. Reply 1 when updated, 0 when
    /// the record is gone or another guard's, `{'cancelled', by}` when someone cancelled it
    /// (`GuardStore.cancel`): the mark is kept, only its TTL renewed.
    static let updateScript = """
        if redis.call('HGET', KEYS[1], 'token') ~= ARGV[2] then return 0 end
        if redis.call('HGET', KEYS[1], 'state') == 'cancelled' then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          return {'cancelled', redis.call('HGET', KEYS[1], 'cancelledBy') or ''}
        end
        redis.call('HSET', KEYS[1], unpack(ARGV, 3))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return 1
        """

    /// Writes `record` (state `running`) unless a running guard holds the toggle.
    public static func claim(_ env: OpsEnvironment, key: RedisKey, record: GuardRecord, ttl: TimeInterval)
        throws(OperationsError) -> Claim
    {
        let token = UUID().uuidString
        var arguments: [any RedisArgument] = [claimScript, 1, key, milliseconds(ttl)]
        for (field, value) in record.fields + [("token", token)] { arguments += [field, value] }
        let replies = try env.gate.write("guard toggle \(record.toggle)", [RedisCommand("EVAL", arguments)], on: env.redis)
        let reply = replies.first ?? .null
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        guard let parts = reply.array, let tag = parts.first?.string else {
            throw .redis(.unexpectedReply(command: "EVAL", detail: "guard claim returned no status"))
        }
        if tag == "held" {
            return .held(actor: parts.count > 1 ? parts[1].string ?? "" : "", started: parts.count > 2 ? parts[2].string ?? "" : "")
        }
        return .claimed(token: token)
    }

    /// What a refresh found.
    public enum Refresh: Sendable, Equatable {
        case updated
        /// Expired or taken over by another guard.
        case lost
        /// Marked cancelled by `by` (`GuardStore.cancel`).
        case cancelled(by: String)
    }

    /// Rewrites the record (figures, state) and its TTL if it is still this guard's and not
    /// cancelled.
    @discardableResult
    public static func update(_ env: OpsEnvironment, key: RedisKey, token: String, record: GuardRecord, ttl: TimeInterval)
        throws(OperationsError) -> Refresh
    {
        var arguments: [any RedisArgument] = [updateScript, 1, key, milliseconds(ttl), token]
        for (field, value) in record.fields { arguments += [field, value] }
        let replies = try env.gate.write("guard toggle \(record.toggle)", [RedisCommand("EVAL", arguments)], on: env.redis)
        let reply = replies.first ?? .null
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        if let parts = reply.array, parts.first?.string == "cancelled" {
            return .cancelled(by: parts.count > 1 ? parts[1].string ?? "" : "")
        }
        return reply.int == 1 ? .updated : .lost
    }

    /// The record beside the toggle with key `toggleKey`, nil when there is none.
    public static func read(_ env: OpsEnvironment, toggleKey: RedisKey) throws(OperationsError) -> GuardRecord? {
        let key = GuardRecord.key(for: toggleKey, patterns: env.patterns)
        let reply = try env.run { redis throws(RedisError) in try redis.send([RedisCommand("HGETALL", key)]) }.first ?? .null
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        guard let pairs = reply.pairs, !pairs.isEmpty else { return nil }
        return GuardRecord(pairs: pairs)
    }

    /// Lists the toggle (by key) in the registry of guards (`GuardRecord.registry`), scored by its
    /// end, dropping entries that ended over an hour ago. Another slot than the record, so not in
    /// the claim script; a failure here only hides the guard from `active`, it does not stop it.
    public static func register(_ env: OpsEnvironment, toggleKey: RedisKey, ends: Date) throws(OperationsError) {
        let registry = GuardRecord.registry(env.patterns)
        try env.gate.write(
            "guard toggle", [RedisCommand("ZADD", registry, String(Int(ends.timeIntervalSince1970)), toggleKey)],
            on: env.redis)
        try env.gate.write(
            "guard toggle",
            [
                RedisCommand(
                    "ZREMRANGEBYSCORE", registry, "-inf",
                    String(Int(env.now().timeIntervalSince1970) - 3600))
            ], on: env.redis)
    }

    /// Takes a finished guard's toggle off the registry.
    public static func unregister(_ env: OpsEnvironment, toggleKey: RedisKey) throws(OperationsError) {
        try env.gate.write("guard toggle", [RedisCommand("ZREM", GuardRecord.registry(env.patterns), toggleKey)], on: env.redis)
    }

    /// A guard the registry knows: its record, or nil when the record expired while the guard
    /// was registered: the guard process stopped without finishing (`lost`).
    public struct Listed: Sendable, Hashable {
        public var toggleKey: RedisKey
        public var ends: Date
        public var record: GuardRecord?
        public var isLost: Bool { record == nil }
    }

    /// Every registered guard that ended less than an hour ago or still runs: one ZRANGEBYSCORE
    /// and one HGETALL per guard (dashboards and `toggles guards`).
    public static func active(_ env: OpsEnvironment) throws(OperationsError) -> [Listed] {
        let registry = GuardRecord.registry(env.patterns)
        let since = String(Int(env.now().timeIntervalSince1970) - 3600)
        let reply =
            try env.run { redis throws(RedisError) in
                try redis.send([RedisCommand("ZRANGEBYSCORE", registry, since, "+inf", "WITHSCORES")])
            }.first ?? .null
        if let message = reply.errorMessage { throw .redis(RedisError.fromReply(message)) }
        let parts = reply.array ?? []
        var listed: [Listed] = []
        var index = 0
        while index + 1 < parts.count {
            if let bytes = parts[index].bytes, let score = parts[index + 1].string.flatMap(Double.init) {
                let key = RedisKey(bytes: bytes)
                listed.append(Listed(toggleKey: key, ends: Date(timeIntervalSince1970: score), record: try read(env, toggleKey: key)))
            }
            index += 2
        }
        return listed
    }

    private static func milliseconds(_ seconds: TimeInterval) -> Int { max(1, Int(seconds * 1000)) }
}
