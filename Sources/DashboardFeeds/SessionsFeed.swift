import Dashboard
import Operations
import RedisClient

/// The Sessions pane's feed: a bounded walk over the session keys per poll (the first page at
/// once, the count over the next polls), the first 500 re-read when the walk found new keys,
/// and a `FIELD=VALUE` filter applied over the whole keyspace within the idle budget.
///
/// Until the first walk completes, the count it sends is partial (`KeyCount.counting`, with
/// `DBSIZE` as the upper bound, one command per poll while counting); afterwards the last
/// complete count stays while a later walk runs. Owned by `DashboardSource`, on the poller's queue.
public struct SessionsFeed: PaneFeed {
    /// The filter the user applied (`authType=sso-corp`); empty for none.
    public var filter = SessionFilter()
    /// SCAN pages of the session walk per poll.
    public var pagesPerPoll = 20
    private var scan: SessionScan
    private var filteredBudget = IdleBudget(share: DashboardSource.idleBudget)
    /// The last filtered listing: for which filter, and the number of matches when there were
    /// fewer than shown.
    private var filtered: (filter: SessionFilter, count: KeyCount)?
    private var lastRows: [SessionRow]?

    public init(patterns: KeyPatterns) {
        // The list shows at most 500 sessions; the rest is counted, not fetched.
        scan = SessionScan(pattern: patterns.sessions, count: patterns.scanCount, limit: 500)
        scan.budget = IdleBudget(share: DashboardSource.idleBudget)
    }

    public var kind: DataKind? { .sessions }

    public mutating func poll(_ context: FeedContext, into part: inout SessionsPart) throws(OperationsError) {
        guard !context.onlyChanges else { return }
        let env = context.env
        scan.restart(force: context.everything)
        var rows = lastRows ?? []
        var count: KeyCount?
        _ = try context.permissions.run(.sessions) { () throws(OperationsError) in
            // Sessions change slowly and the list counts TTLs down by itself: they are re-read
            // when the walk over their keys found new ones, or on a refresh. Until the list
            // shows something, one SCAN step is enough to show a first page.
            let pages = scan.keys.isEmpty && scan.total == nil ? 1 : pagesPerPoll
            let keysChanged = try env.run { redis throws(RedisError) in try scan.advance(on: redis, pages: pages) }
            count = try currentCount(env)
            if !filter.isEmpty {
                // A `FIELD=VALUE` filter searches the whole keyspace, not just the 500 on show:
                // on its change, on the user's refresh, and otherwise within the idle budget.
                if filtered?.filter != filter || context.isDue(filteredBudget) {
                    let current = filter
                    rows = try filteredBudget.measure { () throws(OperationsError) -> [SessionRow] in
                        try SessionStore.list(env, limit: 500, where: current).map(SessionRow.init)
                    }
                    filtered = (filter, rows.count < 500 ? .exact(rows.count) : .atLeast(rows.count))
                }
                count = filtered?.count
            } else if context.everything || keysChanged || filtered != nil || lastRows == nil {
                filtered = nil
                rows = try SessionStore.fetch(env, keys: scan.keys).map(SessionRow.init)
            }
        }
        part.count = count
        if rows != lastRows { part.rows = rows }
        lastRows = rows
    }

    /// The complete count of the last finished walk, or while a walk runs and has found more
    /// than that count (none yet, on the first), what it has found so far, labelled partial, with
    /// the database's size as the upper bound.
    private func currentCount(_ env: OpsEnvironment) throws(OperationsError) -> KeyCount? {
        if let total = scan.total, !scan.isWalking || scan.counted <= total { return .exact(total) }
        guard scan.isWalking else { return nil }
        let size = try env.run { redis throws(RedisError) in try redis.execute("DBSIZE").int.map(Int.init) }
        return .counting(atLeast: max(scan.counted, scan.keys.count), ofAtMost: size)
    }
}
