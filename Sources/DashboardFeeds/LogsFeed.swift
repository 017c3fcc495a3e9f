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

    public init(timeZone: TimeZone) { tail = LogTail(timeZone: timeZone) }

    public mutating func poll(_ context: FeedContext, into snapshot: inout DashboardSnapshot) throws(OperationsError) {
        guard !context.onlyChanges else { return }
        let env = context.env
        var rediscovered = false
        if context.isDue(discovery) {
            let found = try context.permissions.run(.logs) { () throws(OperationsError) in
                try discovery.measure { () throws(OperationsError) in try LogStore.discover(env) }
            }
            if let found { lists = found }
            rediscovered = true
        }
        let reads = try context.permissions.run(.logs) { () throws(OperationsError) in try read(env, rediscovered: rediscovered) }
        let update = tail.ingest(reads ?? [])
        snapshot.newLogLines = update.entries.map(LogLine.init)
        if !update.losses.isEmpty {
            snapshot.logsPossiblyLost = update.losses.reduce(0) { $0 + ($1.estimatedLost ?? 1) }
        }
        snapshot.logsLostIsEstimate = update.losses.contains { $0.estimatedLost != nil }
    }

    /// An idle poll over 50 lists of 100 decoded 5,000 lines before the probe, now 200. The
    /// unchanged lists are handed to the tail as they were, so it sees no change there.
    private mutating func read(_ env: OpsEnvironment, rediscovered: Bool) throws(OperationsError) -> [LogListRead] {
        let probe = 4
        let heads = try LogStore.read(env, lists: lists, newest: probe)
        let moved = heads.filter { rediscovered || lines[$0.list.key].map { Array($0.prefix(probe)) } != $0.lines }
            .map(\.list)
        for read in try LogStore.read(env, lists: moved) { lines[read.list.key] = read.lines }
        let known = Set(lists.map(\.key))
        lines = lines.filter { known.contains($0.key) }
        return lists.map { LogListRead(list: $0, lines: lines[$0.key] ?? []) }
    }
}
