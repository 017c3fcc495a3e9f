import Dashboard
import Foundation
import Operations
import RedisClient

/// The Errors pane's feed: the overview (counts per toggle and the newest errors) within the
/// idle budget, plus one cheap probe each poll (`ErrorStore.changeSignature`) that re-reads the
/// newest errors, and re-runs the active search, as soon as the error database changes.
public struct ErrorsFeed: PaneFeed {
    /// The search the Errors pane shows, re-run when the error database changes.
    public var search: String?
    /// The time window for groups and rates, in seconds (the pane's `[`/`]`).
    public var window: Double = 900
    private var overviewBudget = IdleBudget(share: DashboardSource.idleBudget)
    /// A change seen by the probe re-reads the errors at once, but at most every
    /// max(1 s, cost / 2%): new errors show within a poll or two on any index that reads fast.
    private var changeBudget = IdleBudget(share: 0.02, minimumPeriod: 1)
    private var signature: String?

    public init() {}

    public mutating func poll(_ context: FeedContext, into snapshot: inout DashboardSnapshot) throws(OperationsError) {
        guard !context.onlyChanges else { return }
        var overview: Overview?
        // The overview reads every record's id: on a large index, within the budget.
        if context.isDue(overviewBudget) {
            let started = Date()
            overview = try self.overview(context)
            overviewBudget.record(at: started, took: Date().timeIntervalSince(started))
        }
        var checked = overview != nil
        var refreshed: ErrorSearchView?
        if context.searchModule.module != nil {
            (overview, refreshed, checked) = try probe(context, overview: overview)
        }
        snapshot.errorCounts = overview?.counts
        snapshot.latestErrors = overview?.latest
        snapshot.errorGroups = overview?.groups
        snapshot.errorRates = overview?.rates
        snapshot.errorWindowTruncated = overview?.truncated ?? false
        snapshot.errorsChecked = checked
        snapshot.refreshedSearch = refreshed
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
            result = (try? store.search(env, query: query, limit: 200)).map { ErrorSearchView($0, query: query) }
        }
        return (fresh, result, true)
    }

    /// What the overview brings: counts per toggle, the newest errors, and the window's groups
    /// and per-toggle rates.
    struct Overview {
        var counts: [ToggleCount]
        var latest: ErrorSearchView
        var groups: [ErrorGroupRow]? = nil
        var rates: [String: ErrorRate]? = nil
        var truncated = false
    }

    /// Counts per toggle and the newest errors, for the Errors pane before any search. A failure
    /// (no index yet, a refusal) is said in the pane's notice, never shown as "no errors".
    private func overview(_ context: FeedContext) throws(OperationsError) -> Overview? {
        let module = context.searchModule.module
        let now = context.env.now()
        let since = now.addingTimeInterval(-window)
        let found: ErrorOverview?
        do {
            found = try context.permissions.run(.errors) { () throws(OperationsError) in
                try ErrorStore(module: module).overview(context.env, latest: 100, since: since)
            }
        } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            let notice = "cannot list errors: " + error.description
            return Overview(counts: [], latest: ErrorSearchView(query: "", total: 0, rows: [],
                                                                backendLabel: module?.description ?? "unknown", notice: notice))
        }
        guard let found else { return nil }
        let counts = found.counts.map { ToggleCount(toggle: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.toggle) < ($0.count, $1.toggle) }
        let groups = ErrorGroups.build(found.window, since: since, now: now)
        return Overview(counts: counts, latest: ErrorSearchView(found.latest, query: nil),
                        groups: groups.map(ErrorGroupRow.init),
                        rates: ErrorRate.perToggle(found.window, since: since, now: now), truncated: found.windowTruncated)
    }
}
