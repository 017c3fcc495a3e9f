import Foundation
import RedisClient

/// The error database at a glance: how many records each toggle has and the latest ones, for
/// the dashboard's Errors pane before anyone has typed a query.
public struct ErrorOverview: Sendable, Hashable {
    public var counts: [String: Int]
    /// The newest records (by the time in their id), newest first.
    public var latest: ErrorSearchResult
    /// Records inside the window asked for, in full, newest first (at most `windowLimit`, shared
    /// fairly between toggles: `fairShare`).
    public var window: [ErrorRecord] = []
    /// More records fell in the window than `windowLimit`: groups count the bodies read.
    public var windowTruncated = false
    /// Every record inside the window by its id (toggle and time), newest first: exact counts.
    public var windowStamps: [ErrorStamp] = []
    /// Non-nil while the first walk over the index is under way: every figure above covers
    /// only the newest `read` of `of` records (issue 23: first figures within seconds).
    public var counting: ErrorIdLedger.Counting?

    /// Each toggle's exact errors in the window, biggest first.
    public var windowTotals: [ToggleErrorTotal] { ToggleErrorTotal.of(windowStamps) }
}

extension ErrorStore {
    /// One pass over the index (ids and toggle names only, `pageSize` at a time), then the
    /// newest `latest` records, and those at or after `since` (at most `windowLimit`, newest
    /// first), in full with pipelined HGETALLs. Without a search module the bounded client-side
    /// load gives all of it.
    /// `known` holds bodies read before, by key: a record is written once, so only ids not in
    /// it are read again (issue 23: under a storm each re-read once fetched 10,000 bodies).
    public func overview(
        _ env: OpsEnvironment, latest limit: Int = 100, since: Date? = nil,
        windowLimit: Int = 10_000, known: [String: ErrorRecord] = [:]
    ) throws(OperationsError) -> ErrorOverview {
        var ledger = ErrorIdLedger()
        return try overview(env, latest: limit, since: since, windowLimit: windowLimit, known: known, ledger: &ledger)
    }

    /// `overview` keeping what it read of the index's ids in `ledger` between calls: on
    /// RediSearch a call reads only the ids added since the last one (`update(_:…)`), and bodies
    /// only for records not in `known`. Without a search module the bounded client-side load
    /// runs each time, as before.
    public func overview(
        _ env: OpsEnvironment, latest limit: Int = 100, since: Date? = nil,
        windowLimit: Int = 10_000, known: [String: ErrorRecord] = [:], ledger: inout ErrorIdLedger
    ) throws(OperationsError) -> ErrorOverview {
        let env = env.on(.errors)
        let module = try resolveModule(env)
        var counts: [String: Int] = [:]
        switch module.generation {
        case .v1, .v2:
            try update(&ledger, env, module: module, since: since, newest: max(limit, 1))
            let prefix = module.generation == .v2 ? env.patterns.errorPrefix : ""
            func stub(_ stamp: ErrorStamp, key: String? = nil) -> ErrorRecord {
                ErrorRecord(id: stamp.id, key: key ?? prefix + stamp.id, toggleName: stamp.toggle, time: stamp.time)
            }
            let windowStamps = since.map { ledger.window(since: $0) } ?? []
            let allInWindow = windowStamps.map { stub($0) }
            let windowTruncated = allInWindow.count > windowLimit
            let inWindow = Self.fairShare(allInWindow, limit: windowLimit)
            // The newest are usually inside the window: read each key once.
            var newest = ledger.newest.prefix(limit).map { stub($0.stamp, key: $0.key) }
            if ledger.walk != nil, module.generation == .v1 {
                // While the first walk goes on, the ledger holds what it read so far, not what
                // arrived since it began: on 1.x the newest are the index's first page, cheap to
                // read, so a new error shows in the list at once, not when the walk ends (at
                // 1,000,000 records it may not end soon: deep pages meet the query timeout).
                let extra: [any RedisArgument] = [
                    "RETURN", 1, ErrorField.toggleName.rawValue, "SCORER", "DOCSCORE", "LIMIT", 0, max(limit, 1),
                ]
                newest = try ftSearch(env, "*", extra).records(prefix: nil).prefix(limit).map { $0 }
            }
            var wanted = inWindow
            var seen = Set(inWindow.map(\.key))
            for stub in newest where seen.insert(stub.key).inserted { wanted.append(stub) }
            let unread = wanted.filter { known[$0.key]?.id != $0.id }
            let full = try readFull(env, unread)
            var byKey = Dictionary(full.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            for stub in wanted where byKey[stub.key] == nil { byKey[stub.key] = known[stub.key] }
            let records = newest.compactMap { byKey[$0.key] }
            let backend: ErrorSearchResult.Backend = module.generation == .v1 ? .search1 : .search2
            return ErrorOverview(
                counts: ledger.counts,
                latest: ErrorSearchResult(total: ledger.total, records: records, backend: backend),
                window: inWindow.compactMap { byKey[$0.key] }, windowTruncated: windowTruncated,
                windowStamps: windowStamps, counting: ledger.counting)
        case .none:
            let loaded = try ErrorClientSearch(scanLimit: clientSideScanLimit).loadAll(env, memory: &ledger.clientSide)
            for record in loaded.records { counts[record.toggleName, default: 0] += 1 }
            let sorted = Self.newestFirst(loaded.records)
            let records = Array(sorted.prefix(limit))
            let truncated = loaded.truncated || loaded.fieldScanTruncated
            let backend = ErrorSearchResult.Backend.clientSide(scanned: loaded.records.count, truncated: truncated)
            var notice = "no search module on this server: error hashes read client-side"
            if loaded.byFields > 0 { notice += "; \(loaded.byFields) found by their fields outside the error prefix" }
            if truncated { notice += "; stopped after \(clientSideScanLimit) keys" }
            var inWindow: [ErrorRecord] = []
            if let since { inWindow = sorted.filter { ($0.time ?? .distantPast) >= since } }
            return ErrorOverview(
                counts: counts,
                latest: ErrorSearchResult(
                    total: loaded.records.count, records: records, backend: backend, notice: notice),
                window: Self.fairShare(inWindow, limit: windowLimit), windowTruncated: inWindow.count > windowLimit,
                windowStamps: inWindow.map(ErrorStamp.init))
        }
    }

    /// The records behind `stubs` in full (pipelined HGETALL, 500 a round trip). A 1.x document
    /// whose hash is gone keeps its id (and so its time and toggle) with no fields.
    func readFull(_ env: OpsEnvironment, _ stubs: [ErrorRecord]) throws(OperationsError) -> [ErrorRecord] {
        let env = env.on(.errors)
        var records: [ErrorRecord] = []
        records.reserveCapacity(stubs.count)
        var start = 0
        while start < stubs.count {
            let batch = stubs[start..<min(start + 500, stubs.count)]
            let replies = try env.run { redis throws(RedisError) in
                let replies = try redis.send(batch.map { RedisCommand("HGETALL", $0.key) })
                try ReplyFailure.check(replies)
                try ReplyShape.checkAll(replies, of: "HGETALL", pairs: true)
                return replies
            }
            for (stub, reply) in zip(batch, replies) {
                records.append(
                    ErrorRecord(
                        id: stub.id, key: stub.key,
                        fields: Dictionary(reply.pairs ?? [], uniquingKeysWith: { a, _ in a })))
            }
            start += 500
        }
        return records
    }

    /// At most `limit` of `records` (newest first), shared between toggles round-robin, newest
    /// first within each: a storm on three toggles cannot push a quieter fourth out of the
    /// groups (issue 23). The result is newest first.
    static func fairShare(_ records: [ErrorRecord], limit: Int) -> [ErrorRecord] {
        guard records.count > limit else { return records }
        var queues: [String: [Int]] = [:]
        var order: [String] = []
        for (index, record) in records.enumerated() {
            if queues[record.toggleName] == nil { order.append(record.toggleName) }
            queues[record.toggleName, default: []].append(index)
        }
        var taken: [Int] = []
        taken.reserveCapacity(max(0, limit))
        var depth = 0
        while taken.count < limit {
            var any = false
            for toggle in order where taken.count < limit {
                guard let queue = queues[toggle], depth < queue.count else { continue }
                taken.append(queue[depth])
                any = true
            }
            if !any { break }
            depth += 1
        }
        return taken.sorted().map { records[$0] }
    }

    static func newestFirst(_ records: [ErrorRecord]) -> [ErrorRecord] {
        records.sorted { ($0.time ?? .distantPast, $0.id) > ($1.time ?? .distantPast, $1.id) }
    }
}

extension ErrorStore {
    /// The error records at these keys (hashes the server reported changed), read with one
    /// pipelined HGETALL; keys that are gone or are not hashes are left out. What a live
    /// dashboard reads instead of a whole overview when it knows which records are new.
    public func records(_ env: OpsEnvironment, keys: [RedisKey]) throws(OperationsError) -> [ErrorRecord] {
        let env = env.on(.errors)
        guard !keys.isEmpty else { return [] }
        let prefix = env.patterns.errorPrefix
        let replies = try env.run { redis throws(RedisError) in
            let replies = try redis.send(keys.map { RedisCommand("HGETALL", $0) })
            try ReplyShape.checkAll(replies, of: "HGETALL", pairs: true)
            return replies
        }
        var records: [ErrorRecord] = []
        for (key, reply) in zip(keys, replies) {
            guard let pairs = reply.pairs, !pairs.isEmpty else { continue }
            let text = key.text
            let id = text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
            records.append(ErrorRecord(id: id, key: text, fields: Dictionary(pairs, uniquingKeysWith: { first, _ in first })))
        }
        return records
    }
}

extension ErrorOverview {
    /// The overview with these records added or replaced (by id): counts move by the new ones,
    /// the newest `limit` stay in `latest`.
    public func merging(_ records: [ErrorRecord], limit: Int = 100) -> ErrorOverview {
        var merged = self
        var byID = Dictionary(latest.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in records {
            if let old = byID[record.id] {
                merged.counts[old.toggleName, default: 1] -= 1
            } else {
                merged.latest.total += 1
            }
            merged.counts[record.toggleName, default: 0] += 1
            byID[record.id] = record
        }
        merged.counts = merged.counts.filter { $0.value > 0 }
        merged.latest.records = Array(ErrorStore.newestFirst(Array(byID.values)).prefix(limit))
        // The window (groups and rates) takes them too: a record just written is inside it.
        var inWindow = Dictionary(window.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in records { inWindow[record.id] = record }
        merged.window = ErrorStore.newestFirst(Array(inWindow.values))
        var stamps = Dictionary(windowStamps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for record in records { stamps[record.id] = ErrorStamp(record) }
        merged.windowStamps = stamps.values.sorted { ($0.time ?? .distantPast, $0.id) > ($1.time ?? .distantPast, $1.id) }
        return merged
    }
}
