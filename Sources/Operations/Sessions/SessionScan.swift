import Foundation
import RedisClient

/// The dashboard's walk over the session keys, a bounded number of SCAN pages per poll, so the
/// first page shows at once on 100,000 sessions while the count finishes over the next polls.
///
/// A value owned by its caller's thread (the dashboard's poll source, on the poller's queue). It
/// keeps the first `limit` keys in key order and counts the rest; `total` is known only when a
/// walk completes. A new walk starts only when `budget` allows it (`IdleBudget`), the cost being
/// the time the last walk spent in SCAN: on 100,000 sessions a walk is ~170 ms, and
/// repeating it every ten seconds was a visible share of the idle dashboard's CPU.
///
/// Memory does not grow with the keyspace's keys (issue 17): a walk remembers one 64-bit hash
/// per key to deduplicate SCAN's repeats (a collision would undercount by one; for 1,000,000
/// keys the chance of any is about 3 in 100 million) and only the `limit` smallest keys.
/// `counted` is what the walk under way has found so far: a lower bound, never the total.
public struct SessionScan {
    public let pattern: String
    public let count: Int
    public let limit: Int
    /// How often a new walk may start.
    public var budget = IdleBudget()
    private var spent: Double = 0
    /// The keys the list shows: from the last completed walk, or the current one's so far.
    public private(set) var keys: [RedisKey] = []
    /// All sessions under the pattern, from the last completed walk.
    public private(set) var total: Int?
    private var scanner: KeyScanner?
    private var seen = Set<Int>()
    /// The smallest keys found so far, trimmed back to `limit` whenever it doubles.
    private var found: [RedisKey] = []

    /// Distinct keys the walk under way has found so far (0 when none is).
    public var counted: Int { scanner == nil ? 0 : seen.count }

    public init(pattern: String, count: Int, limit: Int) {
        self.pattern = pattern
        self.count = count
        self.limit = limit
    }

    public var isWalking: Bool { scanner != nil }

    /// Starts a new walk unless one is under way or the last one is too recent for the budget;
    /// `force` (the user asked for a refresh) ignores the budget.
    public mutating func restart(now: Date = Date(), force: Bool = false) {
        guard scanner == nil else { return }
        if !force && !budget.isDue(now: now) { return }
        spent = 0
        scanner = KeyScanner(pattern: pattern, count: count, type: "hash")
        seen = []
        found = []
    }

    /// Advances the walk by up to `pages` SCAN calls; returns whether `keys` changed.
    public mutating func advance(on redis: any RedisCommandSender, pages: Int) throws(RedisError) -> Bool {
        guard var walking = scanner else { return false }
        let started = Date()
        defer { spent += Date().timeIntervalSince(started) }
        var steps = 0
        while steps < pages, let page = try walking.next(on: redis) {
            steps += 1
            for key in page where seen.insert(key.hashValue).inserted { found.append(key) }
            if found.count >= 2 * max(limit, 1) { found = Array(found.sorted().prefix(limit)) }
        }
        if walking.isComplete {
            scanner = nil
            budget.record(at: Date(), took: spent + Date().timeIntervalSince(started))
            total = seen.count
            let first = Array(found.sorted().prefix(limit))
            defer {
                found = []
                seen = []
            }
            guard first != keys else { return false }
            keys = first
            return true
        }
        scanner = walking
        // While the list is short, show what this walk found so far beside it rather than wait
        // for the walk's end: nothing on a first walk, or a database that had no sessions when
        // the last walk ran. Keys the last walk found and this one has not reached yet stay.
        guard keys.count < limit, !found.isEmpty else { return false }
        let merged = Array(Set(keys).union(found).sorted().prefix(limit))
        guard merged != keys else { return false }
        keys = merged
        return true
    }
}
