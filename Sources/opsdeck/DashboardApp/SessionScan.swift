import Operations
import RedisClient

/// The dashboard's walk over the session keys, a bounded number of SCAN pages per poll, so the
/// first page shows at once on 100,000 sessions while the count finishes over the next polls.
///
/// A value owned by `DashboardSource` (the poller's queue). It keeps the first `limit` keys in
/// key order and counts the rest; `total` is known only when a walk completes.
struct SessionScan {
    let pattern: String
    let count: Int
    let limit: Int
    /// The keys the list shows: from the last completed walk, or the current one's so far.
    private(set) var keys: [RedisKey] = []
    /// All sessions under the pattern, from the last completed walk.
    private(set) var total: Int?
    private var scanner: KeyScanner?
    private var seen = Set<RedisKey>()
    private var found: [RedisKey] = []

    init(pattern: String, count: Int, limit: Int) {
        self.pattern = pattern
        self.count = count
        self.limit = limit
    }

    var isWalking: Bool { scanner != nil }

    /// Starts a new walk unless one is under way.
    mutating func restart() {
        guard scanner == nil else { return }
        scanner = KeyScanner(pattern: pattern, count: count, type: "hash")
        seen = []
        found = []
    }

    /// Advances the walk by up to `pages` SCAN calls; returns whether `keys` changed.
    mutating func advance(on redis: any RedisCommandSender, pages: Int) throws(RedisError) -> Bool {
        guard var walking = scanner else { return false }
        var steps = 0
        while steps < pages, let page = try walking.next(on: redis) {
            steps += 1
            for key in page where seen.insert(key).inserted { found.append(key) }
        }
        if walking.isComplete {
            scanner = nil
            total = seen.count
            let first = Array(found.sorted().prefix(limit))
            defer { found = [] }
            guard first != keys else { return false }
            keys = first
            return true
        }
        scanner = walking
        // Until the first walk completes, show what it found so far rather than nothing.
        if total == nil, keys.count < limit, found.count > keys.count {
            keys = Array(found.sorted().prefix(limit))
            return true
        }
        return false
    }
}
