import RedisClient

/// The search used when the server has no search module: SCAN `<errorPrefix>*` (TYPE hash),
/// plus any other hash with `toggleName` and `exceptionBody` (found by its fields), read the hashes with pipelined HGETALL and match them here with `ErrorQuery.matches`, which
/// follows the server's rules (words, case-insensitive, prefixes, phrases, field scopes).
///
/// Bounded by `scanLimit` keys so a huge keyspace cannot stall the caller; the result says when
/// it stopped early. A value used on the thread that owns `env.redis`.
struct ErrorClientSearch {
    var scanLimit: Int
    /// HGETALLs per pipeline round trip.
    var batchSize = 500

    /// What `loadAll` read.
    struct Load {
        var records: [ErrorRecord]
        /// The prefix scan stopped at `scanLimit` keys.
        var truncated: Bool
        /// Records found outside the prefix by their fields (`toggleName` and `exceptionBody`).
        var byFields = 0
        /// The field discovery stopped at `scanLimit` hashes.
        var fieldScanTruncated = false
    }

    /// What earlier loads read, kept by a caller that loads again (the dashboard's overview):
    /// a record is written once, so a key read before is not read again, and a hash found not to
    /// be an error record is not checked again. Bounded like the scans (`scanLimit` each).
    struct Memory: Sendable {
        var bodies: [String: ErrorRecord] = [:]
        var notErrors: Set<String> = []
        /// Hashes read or checked by the last load (HGETALL and HMGET): what a steady keyspace
        /// keeps at 0.
        var lastReads = 0
    }

    /// Every error hash under the prefix, and every other hash holding both `toggleName` and
    /// `exceptionBody` (a 1.x-era layout: records at their plain ids), each scan bounded by
    /// `scanLimit` keys; newest first.
    func loadAll(_ env: OpsEnvironment) throws(OperationsError) -> Load {
        var memory = Memory()
        return try loadAll(env, memory: &memory)
    }

    /// `loadAll` reading only the hashes `memory` does not know (the scans still list every key:
    /// without an index nothing else says which keys are new).
    func loadAll(_ env: OpsEnvironment, memory: inout Memory) throws(OperationsError) -> Load {
        let prefix = env.patterns.errorPrefix
        let pattern = Self.globEscaped(prefix) + "*"
        var keys = try env.run { redis throws(RedisError) in
            try KeyScanner.collect(
                on: redis, pattern: pattern, count: env.patterns.scanCount, type: "hash", limit: scanLimit + 1)
        }
        let truncated = keys.count > scanLimit
        if truncated { keys.removeLast(keys.count - scanLimit) }
        var reads = 0
        var records = try read(env, keys, memory: &memory, reads: &reads) { String($0.dropFirst(prefix.count)) }

        // Found by what they are, like toggles: any other hash with the two telling fields.
        var others = try env.run { redis throws(RedisError) in
            try KeyScanner.collect(on: redis, pattern: "*", count: env.patterns.scanCount, type: "hash", limit: scanLimit + 1)
        }
        let fieldScanTruncated = others.count > scanLimit
        if fieldScanTruncated { others.removeLast(others.count - scanLimit) }
        others.removeAll { $0.text.hasPrefix(prefix) }
        // What is remembered is what the scans still list: deleted keys leave the memory.
        let listed = Set(others.map(\.text))
        memory.notErrors.formIntersection(listed)
        others.removeAll { memory.notErrors.contains($0.text) }
        var candidates: [RedisKey] = []
        var start = 0
        while start < others.count {
            let batch = others[start..<min(start + batchSize, others.count)]
            let replies = try env.run { redis throws(RedisError) in
                let replies = try redis.send(
                    batch.map {
                        RedisCommand("HMGET", [$0, ErrorField.toggleName.rawValue, ErrorField.exceptionBody.rawValue])
                    })
                try ReplyFailure.check(replies)
                return replies
            }
            reads += batch.count
            for (key, reply) in zip(batch, replies) {
                guard let values = reply.array, values.count == 2, values.allSatisfy({ $0.string != nil }) else {
                    if memory.notErrors.count < scanLimit { memory.notErrors.insert(key.text) }
                    continue
                }
                candidates.append(key)
            }
            start += batchSize
        }
        let byFields = try read(env, candidates, memory: &memory, reads: &reads) { $0 }
        memory.lastReads = reads
        memory.bodies = Dictionary(records.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        records += byFields
        records.sort(by: Self.newestFirst)
        return Load(records: records, truncated: truncated, byFields: byFields.count, fieldScanTruncated: fieldScanTruncated)
    }

    /// The hashes at `keys` as records (pipelined HGETALL, `batchSize` a round trip), ids from
    /// `id`; those in `memory` are taken from it, and those read are kept there.
    private func read(
        _ env: OpsEnvironment, _ all: [RedisKey], memory: inout Memory, reads: inout Int, id: (String) -> String
    ) throws(OperationsError) -> [ErrorRecord] {
        var records: [ErrorRecord] = []
        records.reserveCapacity(all.count)
        var keys: [RedisKey] = []
        for key in all {
            if let known = memory.bodies[key.text] { records.append(known) } else { keys.append(key) }
        }
        reads += keys.count
        var start = 0
        while start < keys.count {
            let batch = keys[start..<min(start + batchSize, keys.count)]
            let replies = try env.run { redis throws(RedisError) in
                let replies = try redis.send(batch.map { RedisCommand("HGETALL", $0) })
                try ReplyFailure.check(replies)
                try ReplyShape.checkAll(replies, of: "HGETALL", pairs: true)
                return replies
            }
            for (key, reply) in zip(batch, replies) {
                // A key deleted or retyped between SCAN and HGETALL is simply not an error record.
                guard let pairs = reply.pairs, !pairs.isEmpty else { continue }
                var fields: [String: String] = [:]
                for (name, value) in pairs where fields[name] == nil { fields[name] = value }
                let text = key.text
                let record = ErrorRecord(id: id(text), key: text, fields: fields)
                records.append(record)
                memory.bodies[text] = record
            }
            start += batchSize
        }
        return records
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
    static func notice(_ load: Load, limit: Int) -> String {
        var text = "searched \(load.records.count) error hashes client-side: no search module on this server"
        if load.byFields > 0 { text += "; \(load.byFields) of them found by their fields outside the error prefix" }
        if load.truncated || load.fieldScanTruncated {
            text += "; stopped after \(limit) keys, so some errors were not searched"
        }
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
