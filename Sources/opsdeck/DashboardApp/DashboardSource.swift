import Dashboard
import Foundation
import Operations
import RedisClient

/// What the dashboard's poller fetches each interval, mapped into the UI's view models.
///
/// Owned by the `Poller` and used only on its queue, so it keeps its state without locks: the
/// known toggle keys and log lists (rediscovered every few polls, or when asked), the log tail's
/// position, the session filter, and what it last sent (so unchanged data is not re-sent).
/// Each poll is a handful of pipelined round trips: toggles, sessions, logs, audit.
struct DashboardSource: PollSource {
    let patterns: KeyPatterns
    let server: ServerInfo
    var sessionFilter = SessionFilter()
    /// Toggles refreshed per poll between discoveries: a full pass over 10,000 toggles every
    /// second was most of the idle cost on a large keyspace (benchmark 6b).
    var toggleSlice = 500
    /// SCAN pages of the session walk per poll.
    var sessionPagesPerPoll = 20
    /// Share of one core each periodic expensive step (key discovery, the error overview) may
    /// take on average; what exceeds it runs less often.
    static let idleBudget = 0.001
    /// Set by the user's refresh: rediscover now, whatever the budgets say.
    var forceDiscovery = false
    /// The search the Errors pane shows, re-run when the error database changes.
    var errorSearch: String?
    /// Toggles to re-read on the next poll whatever slice is due (just flipped from here).
    var priorityToggles: Set<String> = []
    private var toggleKeys: [RedisKey] = []
    private var toggles: [Toggle] = []
    private var toggleIndex: [RedisKey: Int] = [:]
    private var sliceStart = 0
    private var toggleDiscovery = IdleBudget(share: DashboardSource.idleBudget)
    private var errorOverviewBudget = IdleBudget(share: DashboardSource.idleBudget)
    /// A change seen by the probe re-reads the errors at once, but at most every
    /// max(1 s, cost / 2%): new errors show within a poll or two on any index that reads fast.
    private var errorChangeBudget = IdleBudget(share: 0.02, minimumPeriod: 1)
    private var errorsSignature: String?
    private var filteredBudget = IdleBudget(share: DashboardSource.idleBudget)
    /// The last filtered session listing: for which filter, and the number of matches when
    /// there were fewer than shown.
    private var filtered: (filter: SessionFilter, total: Int?)?
    private var logLists: [LogList] = []
    /// Each list's lines at the last full read, newest first.
    private var logLines: [RedisKey: [String]] = [:]
    private var sessionScan: SessionScan
    private var tail: LogTail
    private var module: SearchModule?
    private var lastToggles: [ToggleRow]?
    private var lastValues: [String] = []
    private var latestChange: [String: AuditEntry] = [:]
    private var lastSessions: [SessionRow]?
    private var lastCommandCount: (count: Int, at: Date)?
    /// What the ACL refuses, part by part: each part degrades on its own (a read-only user
    /// without +info still gets toggles, sessions and logs).
    private let permissions = PermissionLedger<DataPart>()
    private var lastDenied: [DataPart: String] = [:]

    init(patterns: KeyPatterns, server: ServerInfo, timeZone: TimeZone = .current) {
        self.patterns = patterns
        self.server = server
        tail = LogTail(timeZone: timeZone)
        // The list shows at most 500 sessions; the rest is counted, not fetched.
        sessionScan = SessionScan(pattern: patterns.sessions, count: patterns.scanCount, limit: 500)
        sessionScan.budget = IdleBudget(share: Self.idleBudget)
    }

    /// The search module found at the last discovery (the effect runner reuses it).
    var searchModule: SearchModule? { module }

    mutating func poll(_ redis: any RedisCommandSender, discover: Bool) throws(RedisError) -> DashboardSnapshot {
        let env = OpsEnvironment(redis: redis, patterns: patterns, readOnly: true)
        let forced = forceDiscovery
        do {
            var info: ServerInfo?
            var errors: (counts: [ToggleCount], latest: ErrorSearchView)?
            if discover {
                logLists = try permissions.run(.logs) { () throws(OperationsError) in try LogStore.discover(env) } ?? logLists
                sessionScan.restart(force: forceDiscovery)
                info = try serverInfo(env)
                // The overview reads every record's id: on a large index, within the same budget.
                if forceDiscovery || errorOverviewBudget.isDue() {
                    let started = Date()
                    errors = try errorOverview(env)
                    errorOverviewBudget.record(at: started, took: Date().timeIntervalSince(started))
                }
            }
            var errorsChecked = errors != nil
            var refreshedSearch: ErrorSearchView?
            if module != nil {
                (errors, refreshedSearch, errorsChecked) = try probeErrors(env, overview: errors)
            }
            let refreshed = try permissions.run(.toggles) { () throws(OperationsError) in
                try refreshToggles(env, discover: discover)
            }
            let (allToggles, togglesMoved) = refreshed ?? (toggles, false)
            var toggleRows = lastToggles ?? []
            // Unchanged toggles cost nothing more: no audit read, no rows rebuilt or compared.
            if togglesMoved || discover || lastToggles == nil {
                // The audit trail only matters when a value moved: read it then, not every second.
                let values = allToggles.map(\.value.raw)
                if discover || values != lastValues {
                    let history = try permissions.run(.audit) { () throws(OperationsError) in
                        try AuditStore.history(env, limit: 200)
                    }
                    latestChange = [:]
                    for entry in history ?? [] where latestChange[entry.toggle] == nil {
                        latestChange[entry.toggle] = entry
                    }
                    lastValues = values
                }
                toggleRows = allToggles.map { ToggleRow($0, lastChange: latestChange[$0.name]) }
            }
            var sessions = lastSessions ?? []
            var sessionsTotal = sessionScan.total
            _ = try permissions.run(.sessions) { () throws(OperationsError) in
                // Sessions change slowly and the list counts TTLs down by itself: they are re-read
                // with the discovery cycle, or when the walk over their keys found new ones.
                // Until the list shows something, one SCAN step is enough to show a first page.
                let pages = sessionScan.keys.isEmpty ? 1 : sessionPagesPerPoll
                let keysChanged = try env.run { redis throws(RedisError) in
                    try sessionScan.advance(on: redis, pages: pages)
                }
                sessionsTotal = sessionScan.total
                if !sessionFilter.isEmpty {
                    // A `FIELD=VALUE` filter searches the whole keyspace, not just the 500 on show:
                    // on its change, on the user's refresh, and otherwise within the idle budget.
                    if filtered?.filter != sessionFilter || forced || filteredBudget.isDue() {
                        let filter = sessionFilter
                        sessions = try filteredBudget.measure { () throws(OperationsError) -> [SessionRow] in
                            try SessionStore.list(env, limit: 500, where: filter).map(SessionRow.init)
                        }
                        filtered = (sessionFilter, sessions.count < 500 ? sessions.count : nil)
                    }
                    sessionsTotal = filtered?.total
                } else if discover || keysChanged || filtered != nil {
                    filtered = nil
                    sessions = try SessionStore.fetch(env, keys: sessionScan.keys).map(SessionRow.init)
                }
            }
            let reads = try permissions.run(.logs) { () throws(OperationsError) in try readLogs(env, rediscovered: discover) }
            let update = tail.ingest(reads ?? [])
            let lost = update.losses.reduce(0) { $0 + ($1.estimatedLost ?? 1) }
            let denied = permissions.denied
            defer {
                lastToggles = toggleRows
                lastSessions = sessions
                lastDenied = denied
            }
            return DashboardSnapshot(
                toggles: toggleRows == lastToggles ? nil : toggleRows,
                sessions: sessions == lastSessions ? nil : sessions,
                sessionsTotal: sessionsTotal,
                newLogLines: update.entries.map(LogLine.init),
                logsPossiblyLost: update.losses.isEmpty ? nil : lost,
                logsLostIsEstimate: update.losses.contains { $0.estimatedLost != nil },
                errorCounts: errors?.counts,
                latestErrors: errors?.latest,
                server: info,
                commandsPerSecond: commandRate(redis),
                errorsChecked: errorsChecked,
                refreshedSearch: refreshedSearch,
                notPermitted: denied == lastDenied ? nil : denied)
        } catch {
            // After an outage the keyspace may be anything (a restarted server, a failover):
            // the next successful poll rediscovers everything.
            forceDiscovery = true
            if case .redis(let redisError) = error { throw redisError }
            throw .unexpectedReply(command: "poll", detail: error.description)
        }
    }

    /// Toggle keys are rediscovered at most every `max(10 s, duration / 0.25%)`: a SCAN over a
    /// large keyspace (200 ms on 110,000 keys) must not become the idle load. Between discoveries
    /// one slice of `toggleSlice` toggles is re-read per poll, all of them when there are fewer.
    private mutating func refreshToggles(
        _ env: OpsEnvironment, discover: Bool
    ) throws(OperationsError) -> (toggles: [Toggle], moved: Bool) {
        let now = Date()
        let due = forceDiscovery || toggleDiscovery.isDue(now: now)
        defer {
            forceDiscovery = false
            priorityToggles = []
        }
        if discover && due || toggleKeys.isEmpty && toggleDiscovery.isFirst {
            toggleKeys = try ToggleStore.discover(env)
            toggleDiscovery.record(at: now, took: Date().timeIntervalSince(now))
            let fresh = try ToggleStore.fetch(env, keys: toggleKeys)
            defer { setToggles(fresh) }
            return (fresh, fresh != toggles)
        }
        if toggleKeys.count <= toggleSlice {
            let fresh = try ToggleStore.fetch(env, keys: toggleKeys)
            defer { setToggles(fresh) }
            return (fresh, fresh != toggles)
        }
        // A slice, plus the toggles just flipped from this dashboard (their new value must show
        // at once, whichever slice is due).
        let end = min(sliceStart + toggleSlice, toggleKeys.count)
        var slice = Array(toggleKeys[sliceStart..<end])
        sliceStart = end == toggleKeys.count ? 0 : end
        if !priorityToggles.isEmpty {
            slice += toggles.filter { priorityToggles.contains($0.name) }.map(\.key)
        }
        // Updated in place through the index: copying the whole array of 10,000 toggles each
        // poll (retain/release of every field) was the largest idle cost in a profile.
        var moved = false
        var got = Set<RedisKey>(minimumCapacity: slice.count)
        for toggle in try ToggleStore.fetch(env, keys: slice) {
            got.insert(toggle.key)
            if let index = toggleIndex[toggle.key], toggles[index] != toggle {
                toggles[index] = toggle
                moved = true
            }
        }
        let vanished = Set(slice.filter { toggleIndex[$0] != nil && !got.contains($0) })
        if !vanished.isEmpty {
            setToggles(toggles.filter { !vanished.contains($0.key) })
            moved = true
        }
        return (toggles, moved)
    }

    private mutating func setToggles(_ new: [Toggle]) {
        toggles = new
        toggleIndex = Dictionary(new.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Probes every list's newest few entries and reads in full only the lists whose head moved:
    /// an idle poll over 50 lists of 100 decoded 5,000 lines before, now 200. The others are
    /// handed to the tail as they were, so it sees no change there.
    private mutating func readLogs(_ env: OpsEnvironment, rediscovered: Bool) throws(OperationsError) -> [LogListRead] {
        let probe = 4
        let heads = try LogStore.read(env, lists: logLists, newest: probe)
        let moved = heads.filter { rediscovered || logLines[$0.list.key].map { Array($0.prefix(probe)) } != $0.lines }
            .map(\.list)
        for read in try LogStore.read(env, lists: moved) { logLines[read.list.key] = read.lines }
        let known = Set(logLists.map(\.key))
        logLines = logLines.filter { known.contains($0.key) }
        return logLists.map { LogListRead(list: $0, lines: logLines[$0.key] ?? []) }
    }

    private mutating func serverInfo(_ env: OpsEnvironment) throws(OperationsError) -> ServerInfo {
        var info = server
        let text = try permissions.run(.server) { () throws(OperationsError) in
            try env.run { redis throws(RedisError) in try redis.execute("INFO", "server").text(of: "INFO") }
        }
        for line in (text ?? "").split(whereSeparator: \.isNewline) {
            if line.hasPrefix("valkey_version:") {
                info.version = "valkey " + line.dropFirst("valkey_version:".count)
                break
            }
            if line.hasPrefix("redis_version:") { info.version = String(line.dropFirst("redis_version:".count)) }
        }
        guard let found = try permissions.run(.searchModule, { () throws(OperationsError) in try SearchModule.detect(env) }) else {
            info.searchModule = "search: unknown (not permitted)"
            return info
        }
        module = found
        switch found.generation {
        case .v1: info.searchModule = "RediSearch 1.x"
        case .v2: info.searchModule = "RediSearch 2.x"
        case .none: info.searchModule = "no search module"
        }
        return info
    }

    /// One cheap probe each poll (`ErrorStore.changeSignature`): unchanged means what the Errors
    /// pane shows is current; changed re-reads the newest errors, and re-runs the active search,
    /// at once within `errorChangeBudget`. A failed probe is only a missed hint: the periodic
    /// overview still runs, and the pane's age says how old its list is.
    private mutating func probeErrors(
        _ env: OpsEnvironment, overview: (counts: [ToggleCount], latest: ErrorSearchView)?
    ) throws(OperationsError) -> (overview: (counts: [ToggleCount], latest: ErrorSearchView)?, search: ErrorSearchView?, checked: Bool) {
        let store = ErrorStore(module: module)
        let signature: String
        do { signature = try store.changeSignature(env) } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            return (overview, nil, overview != nil)
        }
        let changed = signature != errorsSignature
        let first = errorsSignature == nil
        if !changed { return (overview, nil, true) }
        // A change not read yet stays a change: the signature is kept only once it is read.
        guard overview != nil || first || errorChangeBudget.isDue() else { return (nil, nil, false) }
        errorsSignature = signature
        let started = Date()
        defer { errorChangeBudget.record(at: started, took: Date().timeIntervalSince(started)) }
        var fresh = overview
        if fresh == nil { fresh = try errorOverview(env) }
        var search: ErrorSearchView?
        if !first, let text = errorSearch, let query = try? ErrorQuery(text) {
            search = (try? store.search(env, query: query, limit: 200)).map { ErrorSearchView($0, query: query) }
        }
        return (fresh, search, true)
    }

    /// Counts per toggle and the newest errors, for the Errors pane before any search. A failure
    /// (no index yet, a refusal) is said in the pane's notice, never shown as "no errors".
    private func errorOverview(_ env: OpsEnvironment) throws(OperationsError) -> (counts: [ToggleCount], latest: ErrorSearchView)? {
        let overview: ErrorOverview?
        do {
            overview = try permissions.run(.errors) { () throws(OperationsError) in
                try ErrorStore(module: module).overview(env, latest: 100)
            }
        } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            let notice = "cannot list errors: " + error.description
            return ([], ErrorSearchView(query: "", total: 0, rows: [], backendLabel: module?.description ?? "unknown", notice: notice))
        }
        guard let overview else { return nil }
        let counts = overview.counts.map { ToggleCount(toggle: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.toggle) < ($0.count, $1.toggle) }
        return (counts, ErrorSearchView(overview.latest, query: nil))
    }

    private mutating func commandRate(_ redis: any RedisCommandSender) -> Double? {
        guard let counter = redis as? CountingSender else { return nil }
        let now = Date()
        defer { lastCommandCount = (counter.commandsSent, now) }
        guard let last = lastCommandCount else { return nil }
        let seconds = now.timeIntervalSince(last.at)
        return seconds > 0 ? Double(counter.commandsSent - last.count) / seconds : nil
    }
}
