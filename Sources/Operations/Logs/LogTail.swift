import Foundation
import RedisClient

/// Follows recent-log lists across reads: remembers each list's previous contents and reports
/// only what is new, merged across lists in time order, plus where entries may have been lost.
///
/// A list is LPUSHed (newest first) and trimmed to `capacity`, so after n new entries the list
/// reads `new₁…newₙ, previous…` cut at `capacity`. `ingest` finds the smallest such n whose
/// remainder matches the previous read, requiring at least `anchorSize` matching entries (or the
/// whole previous read, if shorter): one repeated line ("retrying…") cannot fake an anchor, and a
/// list that grew by k without trimming has at least k new entries. When the previous newest
/// entries are gone and the list is full, everything read is new and entries may have been lost
/// (`LogLoss`). Identical content at full capacity cannot be told apart from no change: the
/// asctime timestamps in real lines make that rare.
///
/// A value type owned by one poller or command; `Sendable`.
public struct LogTail: Sendable {
    public let capacity: Int
    public let anchorSize: Int
    public let timeZone: TimeZone
    private var previous: [RedisKey: [String]] = [:]
    private var hasRead = false

    /// Each list's lines as the last `ingest` saw them: what `LogStore.read(reusing:)` compares
    /// the next read with, so the lines already known are not made into Strings again.
    public var lastRead: [RedisKey: [String]] { previous }

    public init(capacity: Int = LogStore.listCap, anchorSize: Int = 4, timeZone: TimeZone = .current) {
        self.capacity = capacity
        self.anchorSize = max(1, anchorSize)
        self.timeZone = timeZone
    }

    /// The entries new since the previous `ingest` (all of them on the first), oldest first,
    /// merged across lists by timestamp; and the lists where entries may have been lost.
    /// Lists missing from `reads` are forgotten (they count as empty if they come back).
    public mutating func ingest(_ reads: [LogListRead]) -> LogTailUpdate {
        var batches: [[LogEntry]] = []
        var losses: [LogLoss] = []
        var next: [RedisKey: [String]] = [:]
        for read in reads {
            let current = read.lines
            next[read.list.key] = current
            let known = hasRead ? (previous[read.list.key] ?? []) : nil
            let (newCount, lost) = Self.newEntries(current: current, previous: known, capacity: capacity, anchorSize: anchorSize)
            // Stored newest first; shown oldest first.
            let batch = current[0..<newCount].reversed().map { LogEntry(raw: $0, list: read.list, timeZone: timeZone) }
            if lost {
                losses.append(
                    LogLoss(
                        key: read.list.key.text, source: read.list.source, severity: read.list.severity,
                        newEntries: newCount, estimatedLost: estimateLost(batch: batch, previous: known ?? [])))
            }
            batches.append(batch)
        }
        previous = next
        let wasFirst = !hasRead
        hasRead = true
        return LogTailUpdate(entries: Self.merge(batches), losses: losses, isFirstRead: wasFirst)
    }

    /// How many entries at the head of `current` are new, and whether some may have been lost.
    /// `previous` nil means there was no previous read (everything is new, nothing lost).
    static func newEntries(current: [String], previous: [String]?, capacity: Int, anchorSize: Int) -> (Int, Bool) {
        guard let previous else { return (current.count, false) }
        let full = current.count >= capacity
        if previous.isEmpty { return (current.count, full) }
        let needed = min(anchorSize, previous.count)
        var shift = max(0, current.count - previous.count)
        while current.count - shift >= needed {
            let overlap = min(previous.count, current.count - shift)
            if current[shift..<(shift + overlap)].elementsEqual(previous[0..<overlap]) { return (shift, false) }
            shift += 1
        }
        // No anchor: the list was replaced or more arrived than it keeps. Only a full list can
        // have dropped entries we never saw.
        return (current.count, full)
    }

    /// Rate of the new entries (by their timestamps) times the time between the previous read's
    /// newest entry and the oldest entry still in the list; nil when timestamps do not allow it.
    func estimateLost(batch: [LogEntry], previous: [String]) -> Int? {
        guard let oldest = batch.first?.timestamp, let newest = batch.last?.timestamp, newest > oldest,
            let previousNewest = previous.lazy.compactMap({ AsctimeTimestamp.parse(line: $0, timeZone: timeZone)?.date }).first,
            oldest >= previousNewest
        else { return nil }
        let rate = Double(batch.count - 1) / newest.timeIntervalSince(oldest)
        return max(0, Int((rate * oldest.timeIntervalSince(previousNewest)).rounded()) - 1)
    }

    /// K-way merge by timestamp that keeps each list's own order; ties go to the earlier list.
    /// An entry without a time takes the time of the entry before it in its list, so it stays
    /// beside its neighbours instead of jumping to one end.
    static func merge(_ batches: [[LogEntry]]) -> [LogEntry] {
        let keyed: [[(Date, LogEntry)]] = batches.map { batch in
            var last = Date.distantPast
            return batch.map { entry in
                if let time = entry.timestamp { last = time }
                return (last, entry)
            }
        }
        var heads = [Int](repeating: 0, count: keyed.count)
        var merged: [LogEntry] = []
        merged.reserveCapacity(keyed.reduce(0) { $0 + $1.count })
        while true {
            var best: Int?
            for index in keyed.indices where heads[index] < keyed[index].count {
                if let chosen = best, keyed[chosen][heads[chosen]].0 <= keyed[index][heads[index]].0 { continue }
                best = index
            }
            guard let chosen = best else { break }
            merged.append(keyed[chosen][heads[chosen]].1)
            heads[chosen] += 1
        }
        return merged
    }
}

/// What one `LogTail.ingest` found. A `Sendable` value.
public struct LogTailUpdate: Sendable, Hashable {
    /// New entries, oldest first, merged across lists.
    public let entries: [LogEntry]
    /// Lists where entries may have been lost since the previous read.
    public let losses: [LogLoss]
    /// True for the first read, where every entry counts as new.
    public let isFirstRead: Bool
}
