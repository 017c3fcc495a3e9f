import Dashboard
import Foundation
import Operations
import RedisClient

/// The Errors pane's feed: the overview (counts per toggle, the newest errors, the window's
/// groups and per-toggle rates) within the idle budget, plus one cheap probe each poll
/// (`ErrorStore.changeSignature`) that re-reads the newest errors, and re-runs the active
/// search, as soon as the error database changes. Where the server reports error keys
/// (invalidations on the error prefix), a reported record is read by its key and merged in.
public struct ErrorsFeed: PaneFeed {
    /// The search the Errors pane shows, re-run when the error database changes.
    public var search: String?
    /// The time window for groups and rates, in seconds (the pane's `[`/`]`).
    public var window: Double = 900
    /// The absolute window (`:from`/`:to`), which overrides `window` where it is set.
    public var range = ErrorRange()
    /// How many bodies the overview reads for the window's groups (counts never depend on it).
    public var windowLimit = 10_000
    private var overviewBudget = IdleBudget(share: DashboardSource.idleBudget)
    /// A change seen by the probe re-reads the errors at once, but at most every
    /// max(0.5 s, cost / 4%): new errors show within a poll or two on any index that reads fast.
    /// 4%, not 2%: a pass reads only the ids added since the last (the ledger), so under a
    /// storm it costs tens of milliseconds, and at 2% the last write of bench 23a's storm waited
    /// 3.5 s for exact counts (goal 2 s); the budget is spent only while errors arrive.
    private var changeBudget = IdleBudget(share: 0.04, minimumPeriod: 0.5)
    private var signature: String?
    /// The error hashes' prefix (2.x and no module keep them there; 1.x at their ids).
    public let prefix: String
    /// The server reported a key under `prefix` changed since the last probe.
    private var reported = false
    /// Which keys, when it said (nil after "every key changed").
    private var reportedKeys: Set<RedisKey>? = []
    /// The last overview read, which reported records are merged into.
    private var lastOverview: ErrorOverview?
    /// Bodies the last overview read, by key (bounded by its window and latest reads).
    private var knownBodies: [String: ErrorRecord] = [:]
    /// The ids read so far, so an overview reads only those added since (issue 23).
    public private(set) var idLedger = ErrorIdLedger()
    /// When the figures are derived again from `lastOverview` with no read (records leaving the
    /// window as time passes).
    private var ageing = ErrorWindowAgeing()

    public init(prefix: String = KeyPatterns().errorPrefix) { self.prefix = prefix }

    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool {
        guard let keys else {
            reported = true
            reportedKeys = nil
            return true
        }
        let mine = keys.filter { $0.bytes.starts(with: prefix.utf8) }
        guard !mine.isEmpty else { return false }
        reported = true
        reportedKeys?.formUnion(mine)
        return true
    }

    public var kind: DataKind? { .errors }

    public mutating func poll(_ context: FeedContext, into part: inout ErrorsPart) throws(OperationsError) {
        // Where error keys are tracked (2.x, no module), the probe runs only when the server
        // reported a change; 1.x keeps its documents at their ids, outside any prefix.
        let tracked = context.searchModule.module.map { $0.generation != .v1 } ?? false
        // The first walk goes on whatever the server reports: it has not read everything yet.
        if (context.onlyChanges || context.live && tracked) && idLedger.counting == nil {
            guard reported, context.searchModule.module != nil else {
                // Nothing reported while invalidations flow: what is shown is current.
                if context.live && tracked { part.checked = true }
                age(context, into: &part)
                return
            }
            if try mergeReported(context, into: &part) {
                reported = false
                return
            }
            let (overview, refreshed, checked) = try probe(context, overview: nil)
            // A change the budget put off stays reported, for the next poll.
            reported = !checked
            fill(&part, overview, refreshed: refreshed, checked: checked)
            return
        }
        reported = false
        reportedKeys = []
        var overview: Overview?
        // The overview reads every record's id: on a large index, within the budget. The first
        // walk goes on every poll, a slice at a time, until every id is counted.
        let counting = idLedger.counting != nil
        if counting || context.isDue(overviewBudget) {
            let started = Date()
            overview = try self.overview(context)
            // The budget learns what a routine pass costs, not a slice of the first walk.
            if !counting { overviewBudget.record(at: started, took: Date().timeIntervalSince(started)) }
        }
        var checked = overview != nil
        var refreshed: ErrorSearchView?
        if context.searchModule.module != nil {
            (overview, refreshed, checked) = try probe(context, overview: overview)
        }
        fill(&part, overview, refreshed: refreshed, checked: checked)
        if overview == nil { age(context, into: &part) }
    }

    /// Errors that left the window since the figures were derived leave them now, from what
    /// was read (`ErrorWindowAgeing`); the newest list and the checked mark stay the probe's.
    private mutating func age(_ context: FeedContext, into part: inout ErrorsPart) {
        guard part.rates == nil, let last = lastOverview else { return }
        let now = context.env.now()
        let (since, until) = range.bounds(window: window, now: now)
        guard ageing.isDue(now: now, span: until.timeIntervalSince(since), exits: range.from == nil) else { return }
        let figures = view(last, now: now)
        part.counts = figures.counts
        part.groups = figures.groups
        part.rates = figures.rates
        part.windowTruncated = figures.truncated
    }

    private func fill(_ part: inout ErrorsPart, _ overview: Overview?, refreshed: ErrorSearchView?, checked: Bool) {
        part.counts = overview?.counts
        part.latest = overview?.latest
        part.groups = overview?.groups
        part.rates = overview?.rates
        part.windowTruncated = overview?.truncated ?? false
        part.counting = overview?.counting
        part.checked = checked
        part.refreshedSearch = refreshed
    }

    /// Unchanged means what the Errors pane shows is current; changed re-reads the newest
    /// errors, and re-runs the active search, at once within `changeBudget`. A failed probe is
    /// only a missed hint: the periodic overview still runs, and the pane's age says how old
    /// its list is.
    private mutating func probe(
        _ context: FeedContext, overview: Overview?
    ) throws(OperationsError) -> (overview: Overview?, search: ErrorSearchView?, checked: Bool) {
        let env = context.env
        let store = ErrorStore(module: context.searchModule.module)
        let current: String
        do { current = try store.changeSignature(env) } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            return (overview, nil, overview != nil)
        }
        let first = signature == nil
        if current == signature { return (overview, nil, true) }
        // A change not read yet stays a change: the signature is kept only once it is read.
        guard overview != nil || first || changeBudget.isDue() else { return (nil, nil, false) }
        signature = current
        let started = Date()
        defer { changeBudget.record(at: started, took: Date().timeIntervalSince(started)) }
        var fresh = overview
        if fresh == nil { fresh = try self.overview(context) }
        var result: ErrorSearchView?
        if !first, let text = search, let query = try? ErrorQuery(text) {
            result = (try? windowed(store, env, query)).map { ErrorSearchView($0, query: query) }
        }
        return (fresh, result, true)
    }

    /// The records the server reported, read by key and merged into the last overview: a new
    /// error shows at once, with no walk over the error database (on a large keyspace without a
    /// module the overview is a SCAN, whose budget would hold the change back for seconds).
    /// False when that does not apply (no overview yet, every key changed).
    private mutating func mergeReported(_ context: FeedContext, into part: inout ErrorsPart) throws(OperationsError) -> Bool {
        guard let keys = reportedKeys, !keys.isEmpty, let last = lastOverview else { return false }
        let store = ErrorStore(module: context.searchModule.module)
        let records = try store.records(context.env, keys: Array(keys))
        reportedKeys = []
        let merged = last.merging(records)
        lastOverview = merged
        // Keep the probe's view in step, so the next routine probe does not read it all again.
        signature = try? store.changeSignature(context.env)
        var refreshed: ErrorSearchView?
        if let text = search, let query = try? ErrorQuery(text) {
            refreshed = (try? windowed(store, context.env, query)).map { ErrorSearchView($0, query: query) }
        }
        fill(&part, view(merged, now: context.env.now()), refreshed: refreshed, checked: true)
        return true
    }

    /// Seconds of the first walk per poll before its figures so far are shown.
    static let walkSlice = 0.5

    /// What the overview brings: counts per toggle, the newest errors, and the window's groups
    /// and per-toggle rates.
    struct Overview {
        var counts: [ToggleCount]
        var latest: ErrorSearchView
        var groups: [ErrorGroupRow]? = nil
        var rates: [String: ErrorRate]? = nil
        var truncated = false
        var counting: ErrorCounting? = nil
    }

    /// Counts per toggle and the newest errors, for the Errors pane before any search. A failure
    /// (no index yet, a refusal) is said in the pane's notice, never shown as "no errors".
    private mutating func overview(_ context: FeedContext) throws(OperationsError) -> Overview? {
        let module = context.searchModule.module
        let now = context.env.now()
        let since = range.bounds(window: window, now: now).since
        let found: ErrorOverview?
        var store = ErrorStore(module: module)
        // The first walk hands over what it has every half second, newest first (issue 23:
        // first figures on screen within 5 s of 1,000,000 records).
        store.walkSliceSeconds = Self.walkSlice
        do {
            found = try context.permissions.run(.errors) { () throws(OperationsError) in
                try store.overview(
                    context.env, latest: 100, since: since,
                    windowLimit: windowLimit, known: knownBodies, ledger: &idLedger)
            }
        } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            let notice = "cannot list errors: " + error.description
            return Overview(
                counts: [],
                latest: ErrorSearchView(
                    query: "", total: 0, rows: [],
                    backendLabel: module?.description ?? "unknown", notice: notice))
        }
        guard let found else { return nil }
        lastOverview = found
        // What was read stays known: the next overview reads only bodies it has not seen.
        knownBodies = Dictionary((found.window + found.latest.records).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return view(found, now: now)
    }

    /// The active search, narrowed to the absolute window when one is set.
    private func windowed(_ store: ErrorStore, _ env: OpsEnvironment, _ query: ErrorQuery) throws(OperationsError) -> ErrorSearchResult {
        try WindowedErrorSearch.run(store, env, query: query, range: range, window: window, now: env.now())
    }

    private mutating func view(_ found: ErrorOverview, now current: Date) -> Overview {
        // With an absolute window its end stands for "now" in every figure below.
        let (since, now) = range.bounds(window: window, now: current)
        // Records merged in since the overview, or a window narrowed since, may fall outside it.
        let inWindow = found.window.filter { ($0.time ?? .distantPast) >= since }
        // Counts, rates and sparklines come from every id in the window, never from the bodies
        // read (issue 23: a storm once pushed the culprit out of a newest-10,000 sample).
        let stamps = found.windowStamps.filter {
            guard let time = $0.time else { return false }
            return time >= since && time <= now
        }
        let rates = ErrorRate.perToggle(stamps, since: since, now: now)
        ageing.derived(stamps, since: since, now: current)
        // The counts beside the groups are the window's, as the pane's title says: an all-time
        // count there read as "erroring now" for toggles whose errors are days old.
        let counts = rates.map { ToggleCount(toggle: $0.key, count: $0.value.count) }
            .sorted { ($1.count, $0.toggle) < ($0.count, $1.toggle) }
        let groups = ErrorGroups.build(inWindow, since: since, now: now)
        var read: [String: Int] = [:]
        for record in inWindow where (record.time ?? .distantFuture) <= now { read[record.toggleName, default: 0] += 1 }
        let rows = groups.map { group in
            var row = ErrorGroupRow(group)
            row.partial = read[group.toggle, default: 0] < rates[group.toggle]?.count ?? 0
            return row
        }
        return Overview(
            counts: counts, latest: ErrorSearchView(found.latest, query: nil),
            groups: rows, rates: rates, truncated: rows.contains(where: \.partial),
            counting: found.counting.map { ErrorCounting(read: $0.read, of: $0.of) })
    }
}
