import Foundation
import RedisClient

/// Reads and writes error records on whatever the server runs: `FT.SEARCH` on RediSearch 1.x and
/// 2.x, a labelled client-side scan without a search module (docs/DATA-MODEL.md). Writes live in
/// `ErrorStore+Writing.swift` and all go through `env.gate`.
///
/// A value holding only configuration; every call runs on the thread that owns `env.redis`.
/// Pass the `module` detected once per connection to save a round trip per call; when nil, each
/// call detects it.
public struct ErrorStore: Sendable {
    public var module: SearchModule?
    /// How many error hashes the client-side fallback reads at most.
    public var clientSideScanLimit: Int
    /// Documents fetched per `FT.SEARCH` page when counting with a toggle or time window.
    public var pageSize = 1000
    /// Documents per page when the overview walks the index's ids (`ErrorIdLedger`): ids and
    /// toggle names only, so pages can be large; fewer pages is fewer rankings of the index on
    /// 1.x, where each page's offset is ranked again.
    public var walkPageSize = 10_000
    /// Pages the first walk over the index reads per overview before it hands over what it has
    /// (newest first, labelled `counting…`); nil reads the whole index in one pass. The
    /// dashboard sets it so the first figures show within seconds on a big index (issue 23).
    public var walkPagesPerPass: Int?
    /// Seconds of reading after which the first walk hands over what it has (at least one page
    /// a pass); nil: no time limit. The dashboard's poll must not wait long for it.
    public var walkSliceSeconds: Double?
    /// Seconds before a page that came back empty (RediSearch's query timeout at a deep offset,
    /// 1.x) is asked again, doubling with each empty answer in a row up to `walkRetryLimit`:
    /// a walk that cannot get deeper must not re-run a half-second query every poll against a
    /// server that is already busy. 0 asks again at once.
    public var walkRetryBase: Double = 5
    public var walkRetryLimit: Double = 300

    public init(module: SearchModule? = nil, clientSideScanLimit: Int = 10_000) {
        self.module = module
        self.clientSideScanLimit = clientSideScanLimit
    }

    /// The module given at init, or detected now.
    public func resolveModule(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        let env = env.on(.errors)
        if let module { return module }
        return try SearchModule.detect(env)
    }

    // MARK: - Search

    /// Parses `query` (see `ErrorQuery`) and searches; `.invalidInput` says what to type instead.
    public func search(_ env: OpsEnvironment, query: String, limit: Int = 20, offset: Int = 0)
        throws(OperationsError) -> ErrorSearchResult
    {
        try search(env, query: try ErrorQuery(query), limit: limit, offset: offset)
    }

    /// One page of the records matching `query`: by relevance on RediSearch, newest first on the
    /// client-side fallback. `total` counts every match.
    public func search(_ env: OpsEnvironment, query: ErrorQuery, limit: Int = 20, offset: Int = 0)
        throws(OperationsError) -> ErrorSearchResult
    {
        let env = env.on(.errors)
        let limit = max(0, limit)
        let offset = max(0, offset)
        let ignoredNotice = query.ignored.isEmpty ? nil : "ignored: " + query.ignored.joined(separator: ", ")
        let module = try resolveModule(env)
        switch module.generation {
        case .v1, .v2:
            // 1.2 rejects LIMIT x 0; ask for one and drop it.
            let reply = try ftSearch(env, query.redisSearchQuery, ["LIMIT", offset, max(limit, 1)])
            let prefix = module.generation == .v2 ? env.patterns.errorPrefix : nil
            let records = Array(reply.records(prefix: prefix).prefix(limit))
            let notices = [ignoredNotice, Self.unreadableNotice(records)].compactMap { $0 }
            return ErrorSearchResult(
                total: reply.total, records: records,
                backend: module.generation == .v1 ? .search1 : .search2,
                notice: notices.isEmpty ? nil : notices.joined(separator: "; "))
        case .none:
            let client = ErrorClientSearch(scanLimit: clientSideScanLimit)
            let load = try client.loadAll(env)
            let (all, truncated) = (load.records, load.truncated || load.fieldScanTruncated)
            let matching = all.filter(query.matches)
            let notice = [
                ErrorClientSearch.notice(load, limit: clientSideScanLimit),
                ignoredNotice,
            ].compactMap { $0 }.joined(separator: "; ")
            return ErrorSearchResult(
                total: matching.count, records: Array(matching.dropFirst(offset).prefix(limit)),
                backend: .clientSide(scanned: all.count, truncated: truncated), notice: notice)
        }
    }

    // MARK: - Counting

    /// How many records match, for deploy gates: `query` as in `search`, `toggle` an exact
    /// toggle name (case-insensitive, so a mistyped case cannot pass a gate with 0), `since`
    /// keeping records whose id time is at or after it (records without a time are left out).
    public func count(_ env: OpsEnvironment, query: String? = nil, toggle: String? = nil, since: Date? = nil)
        throws(OperationsError) -> Int
    {
        try countDetailed(env, query: query, toggle: toggle, since: since).count
    }

    /// `count` with where the number came from.
    public func countDetailed(_ env: OpsEnvironment, query: String? = nil, toggle: String? = nil, since: Date? = nil)
        throws(OperationsError) -> ErrorCount
    {
        var memory = ErrorClientSearch.Memory()
        return try countDetailed(env, query: query, toggle: toggle, since: since, memory: &memory)
    }

    /// `countDetailed` for a caller that counts again and again (a guard, every second): without
    /// a module, the hashes `memory` read before are not read again (a record is written once),
    /// so a steady error database costs its SCAN pages only (bench 26b: 31 commands/s with 15
    /// error hashes when every check read them all). With a module `memory` is not used.
    func countDetailed(
        _ env: OpsEnvironment, query: String? = nil, toggle: String? = nil, since: Date? = nil,
        memory: inout ErrorClientSearch.Memory
    ) throws(OperationsError) -> ErrorCount {
        let env = env.on(.errors)
        let parsed: ErrorQuery? = try query.map { text throws(OperationsError) in try ErrorQuery(text) }
        let module = try resolveModule(env)
        let keep: (ErrorRecord) -> Bool = { record in
            if let toggle, record.toggleName.lowercased() != toggle.lowercased() { return false }
            if let since { guard let time = record.time, time >= since else { return false } }
            return true
        }
        switch module.generation {
        case .v1, .v2:
            var clauses = parsed?.clauses ?? []
            if let toggle { clauses += Self.toggleClauses(toggle) }
            let text = clauses.isEmpty ? "*" : ErrorQuery(text: "", clauses: clauses).redisSearchQuery
            let backend: ErrorSearchResult.Backend = module.generation == .v1 ? .search1 : .search2
            if toggle == nil && since == nil {
                // 2.x counts with LIMIT 0 0; 1.2 rejects that, so it fetches one id.
                let limit: [any RedisArgument] = module.generation == .v2 ? ["LIMIT", 0, 0] : ["LIMIT", 0, 1]
                let reply = try ftSearch(env, text, ["NOCONTENT"] + limit)
                return ErrorCount(count: reply.total, backend: backend, notice: nil)
            }
            // The index cannot filter by exact toggle name or by time (both live in the id and a
            // TEXT field), so page through the candidates and check each.
            var count = 0
            let prefix = module.generation == .v2 ? env.patterns.errorPrefix : nil
            try forEachPage(env, text, returning: [ErrorField.toggleName.rawValue], prefix: prefix) { records in
                count += records.filter(keep).count
            }
            return ErrorCount(count: count, backend: backend, notice: nil)
        case .none:
            let client = ErrorClientSearch(scanLimit: clientSideScanLimit)
            let load = try client.loadAll(env, memory: &memory)
            let (all, truncated) = (load.records, load.truncated || load.fieldScanTruncated)
            let count = all.filter { (parsed?.matches($0) ?? true) && keep($0) }.count
            let notice =
                ErrorClientSearch.notice(load, limit: clientSideScanLimit)
                + (truncated ? "; the count is a lower bound" : "")
            return ErrorCount(count: count, backend: .clientSide(scanned: all.count, truncated: truncated), notice: notice)
        }
    }

    /// How many records each toggle has (by the `toggleName` field, or the id when the hash is gone).
    public func countsPerToggle(_ env: OpsEnvironment) throws(OperationsError) -> [String: Int] {
        let env = env.on(.errors)
        var counts: [String: Int] = [:]
        let module = try resolveModule(env)
        switch module.generation {
        case .v1, .v2:
            let prefix = module.generation == .v2 ? env.patterns.errorPrefix : nil
            try forEachPage(env, "*", returning: [ErrorField.toggleName.rawValue], prefix: prefix) { records in
                for record in records { counts[record.toggleName, default: 0] += 1 }
            }
        case .none:
            for record in try ErrorClientSearch(scanLimit: clientSideScanLimit).loadAll(env).records {
                counts[record.toggleName, default: 0] += 1
            }
        }
        return counts
    }

    // MARK: - FT.SEARCH

    /// A toggle name as index terms: its words in `toggleName`, as a phrase when it has several.
    /// These only narrow the candidates; the exact name is checked on each record.
    static func toggleClauses(_ toggle: String) -> [ErrorQuery.Clause] {
        let words = ErrorTokenizer.words(toggle).filter { !ErrorTokenizer.isStopword($0) }
        switch words.count {
        case 0: return []
        case 1: return [.init(field: .toggleName, term: .word(words[0], prefix: false))]
        default: return [.init(field: .toggleName, term: .phrase(words))]
        }
    }

    /// Runs `FT.SEARCH index query extra...`, turning "no such index" into what to do about it.
    func ftSearch(_ env: OpsEnvironment, _ query: String, _ extra: [any RedisArgument]) throws(OperationsError)
        -> ErrorSearchReply
    {
        let env = env.on(.errors)
        let command = RedisCommand("FT.SEARCH", [env.patterns.errorIndex, query] + extra)
        // Decoded in place (`ReplyView`): a page of 50 records was a tree of ~1,000
        // `RedisValue`s copied again into Strings (issue 28, figures 3a/3b).
        let reply = try env.run { redis throws(RedisError) in
            try redis.send([command]) { _, reply -> Result<ErrorSearchReply, OperationsError> in
                if let message = reply.errorMessage { return .failure(Self.failure(message, env: env)) }
                do throws(OperationsError) {
                    return .success(try ErrorSearchReply(reply))
                } catch {
                    return .failure(error)
                }
            }
        }
        guard let first = reply.first else {
            throw .redis(.unexpectedReply(command: "FT.SEARCH", detail: "no reply"))
        }
        return try first.get()
    }

    /// Pages through every document matching `query`, `pageSize` at a time, fetching only `returning`.
    func forEachPage(
        _ env: OpsEnvironment, _ query: String, returning fields: [String], prefix: String?,
        _ body: ([ErrorRecord]) -> Void
    ) throws(OperationsError) {
        let env = env.on(.errors)
        var offset = 0
        while true {
            let extra: [any RedisArgument] = ["RETURN", fields.count] + fields + ["LIMIT", offset, pageSize]
            let reply = try ftSearch(env, query, extra)
            body(reply.records(prefix: prefix))
            offset += pageSize
            if reply.documents.isEmpty || offset >= reply.total { return }
        }
    }

    /// An error reply from the search module, as something a person can act on.
    static func failure(_ message: String, env: OpsEnvironment) -> OperationsError {
        let lowered = message.lowercased()
        if lowered.contains("unknown index name") || lowered.contains("no such index") {
            return .badData(
                "the error index '\(env.patterns.errorIndex)' does not exist on this server (it said: \(message)). "
                    + "Create it with `opsdeck errors init`, or set `error-index` in the config to the index your services use.")
        }
        if lowered.contains("unknown command") {
            return .badData(
                "the search module disappeared from the server (\(message)); run the command again "
                    + "to use the client-side search")
        }
        return .redis(RedisError.fromReply(message))
    }

    /// Results that came back with no fields at all: a record always has its toggle, so the
    /// module could not read the document. RediSearch 1.x on a Redis Cluster keeps each
    /// document's hash on the index's node, where a key of another slot cannot be read; an
    /// empty row must not pass for an error with no text.
    static func unreadableNotice(_ records: [ErrorRecord]) -> String? {
        let unreadable = records.filter { $0.fields.isEmpty }.count
        guard unreadable > 0 else { return nil }
        return "\(unreadable) of \(records.count) results came back without their fields (id only): on a Redis Cluster, "
            + "RediSearch 1.x cannot read documents whose keys belong to another node's slots"
    }
}
