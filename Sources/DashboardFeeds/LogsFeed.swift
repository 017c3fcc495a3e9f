import Dashboard
import Foundation
import Operations
import RedisClient

/// The Logs pane's feed: the `recent:<name>:<severity>` lists, rediscovered within the idle
/// budget; each poll probes every list's newest few entries and reads in full only the lists
/// whose head moved, then hands the tail only what is new (with losses between polls marked).
public struct LogsFeed: PaneFeed {
    private var lists: [LogList] = []
    /// Each list's lines at the last full read, newest first.
    private var lines: [RedisKey: [String]] = [:]
    private var discovery = IdleBudget(share: DashboardSource.idleBudget)
    private var tail: LogTail
    /// The lists' pattern, to recognise a key the server reports (`recent:*:*`).
    public let pattern: String
    /// Lists the server reported changed, new ones included.
    private var dirty = Set<RedisKey>()
    private var everything = false

    public init(pattern: String = KeyPatterns().logs, timeZone: TimeZone) {
        self.pattern = pattern
        tail = LogTail(timeZone: timeZone)
    }

    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool {
        guard let keys else {
            everything = true
            return true
        }
        let before = dirty.count
        for key in keys where KeyPatterns.matches(key, pattern) { dirty.insert(key) }
        return dirty.count > before
    }

    public var kind: DataKind? { .logs }

    public mutating func poll(_ context: FeedContext, into part: inout LogsPart) throws(OperationsError) {
        let env = context.env
        if (context.onlyChanges || context.live) && !everything {
            // Only the lists the server reported, a new one (its first line) included.
            guard !dirty.isEmpty else { return }
            let known = Set(lists.map(\.key))
            lists += dirty.subtracting(known).sorted().map { LogList(key: $0, pattern: pattern) }
            let changed = lists.filter { dirty.contains($0.key) }
            dirty = []
            let reads = try context.permissions.run(.logs) { () throws(OperationsError) in
                for read in try LogStore.read(env, lists: changed, reusing: lines) { lines[read.list.key] = read.lines }
                return lists.map { LogListRead(list: $0, lines: lines[$0.key] ?? []) }
            }
            ingest(reads ?? [], into: &part)
            return
        }
        guard !context.onlyChanges else { return }
        everything = false
        dirty = []
        var rediscovered = false
        if context.isDue(discovery) {
            let found = try context.permissions.run(.logs) { () throws(OperationsError) in
                try discovery.measure { () throws(OperationsError) in try LogStore.discover(env) }
            }
            if let found { lists = found }
            rediscovered = true
        }
        let reads = try context.permissions.run(.logs) { () throws(OperationsError) in try read(env, rediscovered: rediscovered) }
        ingest(reads ?? [], into: &part)
    }

    private mutating func ingest(_ reads: [LogListRead], into part: inout LogsPart) {
        let update = tail.ingest(reads)
        part.newLines = update.entries.map(LogLine.init)
        if !update.losses.isEmpty {
            part.possiblyLost = update.losses.reduce(0) { $0 + ($1.estimatedLost ?? 1) }
            part.lostIsEstimate = update.losses.contains { $0.estimatedLost != nil }
        }
    }

    /// An idle poll over 50 lists of 100 decoded 5,000 lines before the probe, now 200. The
    /// unchanged lists are handed to the tail as they were, so it sees no change there.
    private mutating func read(_ env: OpsEnvironment, rediscovered: Bool) throws(OperationsError) -> [LogListRead] {
        let probe = 4
        let heads = try LogStore.read(env, lists: lists, newest: probe)
        let moved = heads.filter { rediscovered || lines[$0.list.key].map { Array($0.prefix(probe)) } != $0.lines }
            .map(\.list)
        for read in try LogStore.read(env, lists: moved, reusing: lines) { lines[read.list.key] = read.lines }
        let known = Set(lists.map(\.key))
        lines = lines.filter { known.contains($0.key) }
        return lists.map { LogListRead(list: $0, lines: lines[$0.key] ?? []) }
    }
}
