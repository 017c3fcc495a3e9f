#if canImport(Glibc)
    import Glibc
#endif
import RedisClient

/// One walk over the keyspace for toggle keys, a bounded number of SCAN pages at a time, so the
/// dashboard shows the toggles found so far while the walk goes on (issue 17) and the CLI can
/// say how far it got. `ToggleStore.discover` is this walk run to the end.
///
/// A value owned by its caller's thread (the dashboard's toggles feed on the poller's queue, or
/// a CLI command); `advance` sends SCAN and one pipeline of HEXISTS per page. It remembers only
/// the toggle keys it found (to deduplicate SCAN's repeats), not every key it saw: a non-toggle
/// key SCAN repeats is checked twice, which is cheaper than remembering a million sessions.
/// Keys under the sessions pattern and the error prefix, and keys shaped as error ids, are
/// known not to be toggles and are not checked (with the default pattern `*` and 100,000 sessions their HEXISTS were almost all
/// of a discovery's cost: the benchmark's 1c figure).
public struct ToggleDiscovery {
    private var scanner: KeyScanner
    /// Skipped patterns that are a literal prefix and `*`, as the prefix's bytes.
    private let skippedPrefixes: [[UInt8]]
    /// The other skipped patterns, matched as globs.
    private let skippedGlobs: [String]
    private var found = Set<RedisKey>()
    /// The toggle keys found so far, in the order SCAN returned them.
    public private(set) var keys: [RedisKey] = []
    /// Keys SCAN returned so far (toggles or not, repeats included): the walk's progress.
    public private(set) var scanned = 0
    /// The hashes the last `advance` checked and found not to be toggles (no `toggle` field).
    public private(set) var rejected: [RedisKey] = []

    /// `count`: keys per SCAN page (`patterns.scanCount` when nil).
    public init(patterns: KeyPatterns, count: Int? = nil) {
        scanner = KeyScanner(pattern: patterns.toggles, count: count ?? patterns.scanCount, type: "hash")
        let skipped = [patterns.sessions, patterns.errorPrefix.isEmpty ? "" : patterns.errorPrefix + "*"]
            .filter { !$0.isEmpty && $0 != patterns.toggles }
        let isPrefix = { (glob: String) in glob.hasSuffix("*") && KeyPatterns.literalPrefix(of: glob).count == glob.count - 1 }
        skippedPrefixes = skipped.filter(isPrefix).map { Array($0.dropLast().utf8) }
        skippedGlobs = skipped.filter { !isPrefix($0) }
    }

    /// True once SCAN's cursor came back to 0: `keys` holds every toggle.
    public var isComplete: Bool { scanner.isComplete }

    /// Whether the walk found `key` to be a toggle.
    public func contains(_ key: RedisKey) -> Bool { found.contains(key) }

    /// Walks up to `pages` more SCAN pages; returns the toggle keys found in them, new ones only.
    /// Keys `isKnown` says are toggles already are not checked (the rolling sweep for new
    /// toggles walks the keyspace again and again: its known toggles need no HEXISTS each time).
    public mutating func advance(
        on redis: any RedisCommandSender, pages: Int, isKnown: (RedisKey) -> Bool = { _ in false }
    ) throws(RedisError) -> [RedisKey] {
        var new: [RedisKey] = []
        rejected = []
        var steps = 0
        while steps < pages, let page = try scanner.next(on: redis) {
            steps += 1
            scanned += page.count
            let candidates = page.filter { !found.contains($0) && !isKnown($0) && !isSkipped($0) }
            if candidates.isEmpty { continue }
            let checked = try Self.check(candidates, on: redis)
            rejected += checked.rejected
            for key in checked.toggles where found.insert(key).inserted { new.append(key) }
        }
        keys += new
        return new
    }

    /// Which of `keys` are toggles (hashes with a `toggle` field): one pipeline of HEXISTS. A
    /// key of another type (WRONGTYPE) or without the field is `rejected`; any other error reply
    /// throws. The one rule for the walk, the sweep and keys broadcast tracking reports.
    public static func check(
        _ keys: [RedisKey], on redis: any RedisCommandSender
    ) throws(RedisError) -> (toggles: [RedisKey], rejected: [RedisKey]) {
        if keys.isEmpty { return ([], []) }
        let replies = try redis.send(keys.map { RedisCommand("HEXISTS", $0, "toggle") })
        try ReplyFailure.check(replies)
        var toggles: [RedisKey] = []
        var rejected: [RedisKey] = []
        for (key, reply) in zip(keys, replies) {
            if reply.int == 1 { toggles.append(key) } else { rejected.append(key) }
        }
        return (toggles, rejected)
    }

    /// Whether `key` is known not to be a toggle without asking: under the sessions pattern or
    /// the error prefix, or shaped as a RediSearch 1.x error id.
    public func isSkipped(_ key: RedisKey) -> Bool {
        // `session:*` and `error:*` are plain prefixes: compared as bytes, with no String made
        // per key (the sweep for new toggles looks at every session again each cycle).
        if skippedPrefixes.contains(where: { key.bytes.starts(with: $0) }) { return true }
        // RediSearch 1.x keeps each error document as a hash named by its id
        // (`<toggle>:MM-DD-YY-HH-MM-SS`): with a big index their HEXISTS were the dashboard's
        // whole idle load (18,028 commands/s at 1,000,000 records, bench 23b).
        if ErrorID.hasTimeSuffix(key.bytes) { return true }
        guard !skippedGlobs.isEmpty else { return false }
        let text = key.text
        return skippedGlobs.contains { fnmatch($0, text, 0) == 0 }
    }
}
