import RedisClient

/// Lists, shows and counts sessions (hashes under `patterns.sessions`, docs/DATA-MODEL.md).
///
/// Built for large keyspaces: listing goes page by page with SCAN (COUNT, `TYPE hash`), each
/// page's fields and TTLs fetched in one pipeline, so the first page of 100,000 sessions comes
/// back after one SCAN step. Stateless; runs on the thread that owns `env.redis`. Read-only.
public enum SessionStore {
    /// One SCAN step from `cursor` ("0" to start) with its sessions (HGETALL + TTL, pipelined),
    /// filtered. Keys that vanished or changed type between SCAN and the read are skipped.
    public static func page(
        _ env: OpsEnvironment, cursor: String = "0", count: Int? = nil, filter: SessionFilter = SessionFilter()
    ) throws(OperationsError) -> SessionPage {
        let env = env.on(.sessions)
        let patterns = env.patterns
        let step = try env.run { redis throws(RedisError) -> (String, [RedisKey]) in
            // The scanner knows a cluster's nodes: its cursor says which node the walk is on.
            var scanner = try KeyScanner(
                resuming: cursor, pattern: patterns.sessions,
                count: count ?? patterns.scanCount, type: "hash")
            let keys = try scanner.next(on: redis) ?? []
            return (scanner.cursor, keys)
        }
        let sessions = try fetch(env, keys: step.1).filter(filter.matches)
        return SessionPage(sessions: sessions, cursor: step.0, isComplete: step.0 == "0", scanned: step.1.count)
    }

    /// Sessions matching `filter`, up to `limit`, in SCAN order (which is no particular order).
    /// `progress`, when given, is called after every SCAN step with the keys scanned and the
    /// sessions kept so far.
    public static func list(
        _ env: OpsEnvironment, limit: Int = .max, where filter: SessionFilter = SessionFilter(),
        progress: ((_ scanned: Int, _ found: Int) -> Void)? = nil
    ) throws(OperationsError) -> [Session] {
        let env = env.on(.sessions)
        var sessions: [Session] = []
        var seen = Set<RedisKey>()
        var cursor = "0"
        var scanned = 0
        while sessions.count < limit {
            let page = try page(env, cursor: cursor, filter: filter)
            scanned += page.scanned
            defer { progress?(scanned, sessions.count) }
            // SCAN may return a key twice across pages.
            for session in page.sessions where seen.insert(session.key).inserted {
                sessions.append(session)
                if sessions.count >= limit { break }
            }
            if page.isComplete { break }
            cursor = page.cursor
        }
        return sessions
    }

    /// One session by key: `.notFound` when the key does not exist, `.badData` naming the type
    /// when it is not a hash.
    public static func show(_ env: OpsEnvironment, key: RedisKey) throws(OperationsError) -> Session {
        let env = env.on(.sessions)
        let replies = try env.run { redis throws(RedisError) in
            try redis.send([RedisCommand("TYPE", key), RedisCommand("HGETALL", key), RedisCommand("TTL", key)])
        }
        // An error reply (BUSY, NOPERM, LOADING…) is the server refusing, not an absent key.
        let type: String
        do {
            type = try replies[0].text(of: "TYPE")
            try ReplyFailure.check(replies.dropFirst())
            try ReplyShape.checkStrings(replies[1], of: "HGETALL", pairs: true)
        } catch { throw .redis(error) }
        switch type {
        case "none":
            throw .notFound(what: "session `\(key.text)` (`opsdeck sessions list` shows the sessions)")
        case "hash":
            guard let session = session(key: key, fields: replies[1], ttl: replies[2]) else {
                throw .notFound(what: "session `\(key.text)` (it expired just now)")
            }
            return session
        default:
            throw .badData("\(key.text) is a \(type), not a session hash; sessions are hashes such as `session:<id>`.")
        }
    }

    /// How many sessions `toggle` reaches under `rule`, over one full SCAN with pipelined
    /// `HGET <audienceField>` per page. A toggle that is off or unknown reaches none.
    public static func blastRadius(
        _ env: OpsEnvironment, toggle: Toggle, rule: FeatureRule = FeatureRule()
    ) throws(OperationsError) -> BlastRadius {
        let env = env.on(.sessions)
        let (reached, total) = try countSessions(env, audienceField: rule.audienceField) { audience in
            rule.evaluate(toggle, audience: audience).enabled == true
        }
        return BlastRadius(toggle: toggle.name, reached: reached, total: total)
    }

    /// What a flip changes, counted over the whole keyspace: turning on, the sessions that will
    /// get the toggle (everyone, or the audiences in its `override`); turning off, the sessions
    /// that have it now and lose it. Never computed from the current state alone.
    public static func flipImpact(
        _ env: OpsEnvironment, toggle: Toggle, turningOn: Bool, rule: FeatureRule = FeatureRule()
    ) throws(OperationsError) -> FlipImpact {
        let env = env.on(.sessions)
        let judged = turningOn ? toggle.with(value: toggle.value.spelled(true)) : toggle
        let (affected, total) = try countSessions(env, audienceField: rule.audienceField) { audience in
            rule.evaluate(judged, audience: audience).enabled == true
        }
        return FlipImpact(
            toggle: toggle.name, turningOn: turningOn, affected: affected, total: total,
            audiences: toggle.audiences.isEmpty ? nil : toggle.audiences, audienceField: rule.audienceField)
    }

    /// Sessions whose audience field satisfies `matches`, and all sessions, over one full SCAN.
    private static func countSessions(
        _ env: OpsEnvironment, audienceField: String, _ matches: (String?) -> Bool
    ) throws(OperationsError) -> (matched: Int, total: Int) {
        let patterns = env.patterns
        return try env.run { redis throws(RedisError) in
            var scanner = KeyScanner(pattern: patterns.sessions, count: patterns.scanCount, type: "hash")
            var seen = Set<RedisKey>()
            var matched = 0
            var total = 0
            while let page = try scanner.next(on: redis) {
                let fresh = page.filter { seen.insert($0).inserted }
                if fresh.isEmpty { continue }
                let replies = try redis.send(fresh.map { RedisCommand("HGET", $0, audienceField) })
                try ReplyFailure.check(replies)
                for reply in replies where reply.errorMessage == nil {
                    total += 1
                    if matches(reply.string) { matched += 1 }
                }
            }
            return (matched, total)
        }
    }

    /// `blastRadius` for a toggle by name.
    public static func blastRadius(
        _ env: OpsEnvironment, toggle name: String, rule: FeatureRule = FeatureRule()
    ) throws(OperationsError) -> BlastRadius {
        // The toggle from the toggles' database; `blastRadius(_:toggle:)` reads the sessions'.
        try blastRadius(env, toggle: ToggleStore.get(env, name: name), rule: rule)
    }

    /// Fields and TTL of `keys` in one pipeline, in order, skipping keys gone or of another type.
    public static func fetch(_ env: OpsEnvironment, keys: [RedisKey]) throws(OperationsError) -> [Session] {
        let env = env.on(.sessions)
        if keys.isEmpty { return [] }
        let replies = try env.run { redis throws(RedisError) in
            let replies = try redis.send(keys.flatMap { [RedisCommand("HGETALL", $0), RedisCommand("TTL", $0)] })
            try ReplyFailure.check(replies)
            try ReplyShape.checkAll(replies.enumerated().lazy.filter { $0.offset % 2 == 0 }.map(\.element), of: "HGETALL", pairs: true)
            return replies
        }
        return keys.enumerated().compactMap { index, key in
            session(key: key, fields: replies[index * 2], ttl: replies[index * 2 + 1])
        }
    }

    private static func session(key: RedisKey, fields: RedisValue, ttl: RedisValue) -> Session? {
        // An empty HGETALL means the key is gone (Redis has no empty hashes); TTL -2 says so too.
        guard let pairs = fields.pairs, !pairs.isEmpty, let seconds = ttl.int, seconds != -2 else { return nil }
        return Session(
            key: key, fields: pairs.map { SessionField(name: $0.0, value: $0.1) },
            ttl: seconds >= 0 ? Int(seconds) : nil)
    }
}
