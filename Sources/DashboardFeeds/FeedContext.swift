import Dashboard
import Operations
import RedisClient

/// What every feed of one poll shares: the environment over the poller's connection, what the
/// poll was asked to do, the ACL ledger (each part degrades on its own), and the search module
/// detected for the connection. Made by `DashboardSource` for one poll, on the poller's queue.
public struct FeedContext {
    public let env: OpsEnvironment
    public let request: PollRequest
    public let permissions: PermissionLedger<DataPart>
    public let searchModule: SearchModuleDetector
    /// Invalidations cover the reads a feed repeats only to notice changes (toggle slices, log
    /// heads, the error probe where error keys are tracked): skip them. False on the slow
    /// safety-net poll and whenever tracking is off.
    public let live: Bool
    /// The slow safety-net poll while invalidations flow (`live` is false on it): it re-reads
    /// what a lost message could have hidden, a slice at a time, not everything the polling-only
    /// mode reads each interval (that sweep of every toggle's value was 167 commands/s of the
    /// idle figure 6b at 10,000 toggles).
    public let safetyNet: Bool

    /// True when the poll must read everything now, whatever the budgets say.
    public var everything: Bool { request == .everything }

    /// True for a poll that only serves a change made from here (a flip): feeds other than the
    /// one that made it read nothing.
    public var onlyChanges: Bool { request == .soon }

    /// Whether an expensive periodic step may run now: asked for, or due by its budget (never
    /// in a poll that only serves a change).
    public func isDue(_ budget: IdleBudget) -> Bool { everything || !onlyChanges && budget.isDue() }
}

/// One pane's data path on the poller's side: what it reads, its budgets, its change
/// detection and the mapping into the pane's view models, written into the pane's own typed
/// part (`PanePart`), which the pane applies on the main queue. Owned by `DashboardSource`, on
/// the poller's queue. Adding a pane adds one feed (and its line in `DashboardSource.feeds`).
public protocol PaneFeed {
    associatedtype Part: PanePart
    /// The kind of data the feed reads, which says which database it polls when the kinds are
    /// split; nil for a feed that reads every database (the server itself).
    var kind: DataKind? { get }
    mutating func poll(_ context: FeedContext, into part: inout Part) throws(OperationsError)
    /// Keys the server reported changed (nil: every key may have). Returns whether the feed
    /// has something to read because of them.
    mutating func invalidated(_ keys: [RedisKey]?) -> Bool
}

extension PaneFeed {
    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool { false }

    /// The pane this feed feeds.
    public var pane: Pane { Part.pane }

    /// Runs the feed and puts its part into `snapshot` when it read something.
    public mutating func poll(_ context: FeedContext, into snapshot: inout DashboardSnapshot) throws(OperationsError) {
        var part = Part()
        try poll(context, into: &part)
        snapshot[Part.self] = part
    }
}
