import RedisClient

/// Hashes (and other keys) found not to be toggles, not asked again until the next full
/// discovery walk: one rule for the rolling sweep (`NewToggleSweep`) and for keys broadcast
/// tracking reports with a pattern that has no literal prefix (`TogglesFeed.invalidated`), so a
/// busy non-toggle key (a counter, a cart) is read once, not on every write or every cycle.
///
/// Bounded (`limit`): past it, new keys are not remembered (each is then asked again when seen).
/// A key that later gains a `toggle` field is found by the full discovery walk, which forgets
/// everything (`forget`). A value owned by `TogglesFeed`, on the poller's queue.
struct NonToggleMemory {
    var limit = 200_000
    private var keys = Set<RedisKey>()

    func contains(_ key: RedisKey) -> Bool { keys.contains(key) }

    mutating func remember(_ rejected: some Sequence<RedisKey>) {
        for key in rejected where keys.count < limit { keys.insert(key) }
    }

    mutating func forget() { keys = [] }
}
