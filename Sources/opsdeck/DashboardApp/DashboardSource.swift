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
    /// How many sessions the list shows at most; the rest is counted, not fetched.
    var sessionLimit = 500
    var sessionFilter = SessionFilter()
    private var toggleKeys: [RedisKey] = []
    private var logLists: [LogList] = []
    private var sessionKeys: [RedisKey] = []
    private var sessionsTotal: Int?
    private var tail: LogTail
    private var module: SearchModule?
    private var lastToggles: [ToggleRow]?
    private var lastValues: [String] = []
    private var latestChange: [String: AuditEntry] = [:]
    private var lastSessions: [SessionRow]?
    private var lastCommandCount: (count: Int, at: Date)?

    init(patterns: KeyPatterns, server: ServerInfo, timeZone: TimeZone = .current) {
        self.patterns = patterns
        self.server = server
        tail = LogTail(timeZone: timeZone)
    }

    /// The search module found at the last discovery (the effect runner reuses it).
    var searchModule: SearchModule? { module }

    mutating func poll(_ redis: any RedisCommandSender, discover: Bool) throws(RedisError) -> DashboardSnapshot {
        let env = OpsEnvironment(redis: redis, patterns: patterns, readOnly: true)
        do {
            var info: ServerInfo?
            var errors: (counts: [ToggleCount], latest: ErrorSearchView)?
            if discover {
                toggleKeys = try ToggleStore.discover(env)
                logLists = try LogStore.discover(env)
                try discoverSessions(env)
                info = try serverInfo(env)
                errors = errorOverview(env)
            }
            let toggles = try ToggleStore.fetch(env, keys: toggleKeys)
            // The audit trail only matters when a value moved: read it then, not every second.
            let values = toggles.map(\.value.raw)
            if discover || values != lastValues {
                latestChange = [:]
                for entry in try AuditStore.history(env, limit: 200) where latestChange[entry.toggle] == nil {
                    latestChange[entry.toggle] = entry
                }
                lastValues = values
            }
            let toggleRows = toggles.map { ToggleRow($0, lastChange: latestChange[$0.name]) }
            // Sessions change slowly and the list counts TTLs down by itself: refreshing them with the
            // discovery cycle rather than every poll keeps the idle load on the server low.
            let sessions = discover
                ? try SessionStore.fetch(env, keys: sessionKeys).filter(sessionFilter.matches).map(SessionRow.init)
                : lastSessions ?? []
            let update = tail.ingest(try LogStore.read(env, lists: logLists))
            let lost = update.losses.reduce(0) { $0 + ($1.estimatedLost ?? 1) }
            defer {
                lastToggles = toggleRows
                lastSessions = sessions
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
                commandsPerSecond: commandRate(redis))
        } catch {
            if case .redis(let redisError) = error { throw redisError }
            throw .unexpectedReply(command: "poll", detail: error.description)
        }
    }

    /// Session keys for the list: the first `sessionLimit` matching the pattern (SCAN), and the
    /// total count when the scan finished within a bounded number of pages.
    private mutating func discoverSessions(_ env: OpsEnvironment) throws(OperationsError) {
        var keys: [RedisKey] = []
        var seen = Set<RedisKey>()
        var total = 0
        var scanner = KeyScanner(pattern: patterns.sessions, count: patterns.scanCount, type: "hash")
        var pages = 0
        let redis = env.redis
        do {
            while pages < 200, let page = try scanner.next(on: redis) {
                pages += 1
                for key in page where seen.insert(key).inserted {
                    total += 1
                    if keys.count < sessionLimit { keys.append(key) }
                }
            }
        } catch {
            throw .redis(error)
        }
        sessionKeys = keys.sorted()
        sessionsTotal = scanner.isComplete ? total : nil
    }

    private mutating func serverInfo(_ env: OpsEnvironment) throws(OperationsError) -> ServerInfo {
        var info = server
        let text = try env.run { redis throws(RedisError) in try redis.execute("INFO", "server").string ?? "" }
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("valkey_version:") {
                info.version = "valkey " + line.dropFirst("valkey_version:".count)
                break
            }
            if line.hasPrefix("redis_version:") { info.version = String(line.dropFirst("redis_version:".count)) }
        }
        let found = try SearchModule.detect(env)
        module = found
        switch found.generation {
        case .v1: info.searchModule = "RediSearch 1.x"
        case .v2: info.searchModule = "RediSearch 2.x"
        case .none: info.searchModule = "no search module"
        }
        return info
    }

    /// Counts per toggle and the newest errors, for the Errors pane before any search.
    private func errorOverview(_ env: OpsEnvironment) -> (counts: [ToggleCount], latest: ErrorSearchView)? {
        // A missing index is not a poll failure: the Errors pane says so when searched.
        guard let overview = try? ErrorStore(module: module).overview(env, latest: 100) else { return nil }
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
