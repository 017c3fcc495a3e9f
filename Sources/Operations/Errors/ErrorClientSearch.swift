import RedisClient

/// The search used when the server has no search module: SCAN `<errorPrefix>*` (TYPE hash),
/// read the hashes with pipelined HGETALL and match them here with `ErrorQuery.matches`, which
/// follows the server's rules (words, case-insensitive, prefixes, phrases, field scopes).
///
/// Bounded by `scanLimit` keys so a huge keyspace cannot stall the caller; the result says when
/// it stopped early. A value used on the thread that owns `env.redis`.
struct ErrorClientSearch {
    var scanLimit: Int
    /// HGETALLs per pipeline round trip.
    var batchSize = 500

    /// Every error hash under the prefix (up to the bound), newest first, and whether it stopped early.
    func loadAll(_ env: OpsEnvironment) throws(OperationsError) -> (records: [ErrorRecord], truncated: Bool) {
        let prefix = env.patterns.errorPrefix
        let pattern = Self.globEscaped(prefix) + "*"
        var keys = try env.run { redis throws(RedisError) in
            try KeyScanner.collect(
                on: redis, pattern: pattern, count: env.patterns.scanCount, type: "hash", limit: scanLimit + 1)
        }
        let truncated = keys.count > scanLimit
        if truncated { keys.removeLast(keys.count - scanLimit) }

        var records: [ErrorRecord] = []
        records.reserveCapacity(keys.count)
        var start = 0
        while start < keys.count {
            let batch = keys[start..<min(start + batchSize, keys.count)]
            let replies = try env.run { redis throws(RedisError) in
                let replies = try redis.send(batch.map { RedisCommand("HGETALL", $0) })
                try ReplyFailure.check(replies)
                return replies
            }
            for (key, reply) in zip(batch, replies) {
                // A key deleted or retyped between SCAN and HGETALL is simply not an error record.
                guard let pairs = reply.pairs, !pairs.isEmpty else { continue }
                var fields: [String: String] = [:]
                for (name, value) in pairs where fields[name] == nil { fields[name] = value }
                let text = key.text
                records.append(ErrorRecord(id: String(text.dropFirst(prefix.count)), key: text, fields: fields))
            }
            start += batchSize
        }
        records.sort(by: Self.newestFirst)
        return (records, truncated)
    }

    /// Newest first; records without a time last; then by id, so pages are stable.
    static func newestFirst(_ lhs: ErrorRecord, _ rhs: ErrorRecord) -> Bool {
        switch (lhs.time, rhs.time) {
        case let (left?, right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.id < rhs.id
        }
    }

    /// The notice that labels a client-side answer.
    static func notice(scanned: Int, truncated: Bool, limit: Int) -> String {
        var text = "searched \(scanned) error hashes client-side: no search module on this server"
        if truncated { text += "; stopped after \(limit) keys, so some errors were not searched" }
        return text
    }

    /// Escapes SCAN glob characters so a configured prefix matches literally.
    static func globEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*?[]\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
