import Foundation

/// Groups error records by `ErrorSignature` (docs/DECISIONS.md, "Error groups"). Pure and
/// deterministic: the caller passes the window and the clock. Cost is one signature per record
/// (bounded line and message reads) and one dictionary insert: 10,000 records in about 40 ms
/// (docs/BENCHMARKS.md, figure 8). A namespace; thread-safe.
public enum ErrorGroups {
    /// Buckets in a group's or a toggle's count series.
    public static let buckets = 12
    /// Members kept per group (the count counts all).
    public static let memberLimit = 200

    /// The groups of the records inside `since...now` (records without a time are left out when
    /// `since` is set), biggest first, then the most recent, then by signature.
    public static func build(
        _ records: [ErrorRecord], since: Date?, now: Date, buckets: Int = buckets,
        memberLimit: Int = memberLimit
    ) -> [ErrorGroup] {
        // Members are kept as indices into `records`: copying a record (nine strings) into its
        // group and sorting copies cost more than the signatures (benchmark 8).
        struct Partial {
            var summary: ExceptionSummary
            var members: [Int]
        }
        var partials: [ErrorSignature: Partial] = [:]
        for (index, record) in records.enumerated() {
            if let since {
                guard let time = record.time, time >= since, time <= now else { continue }
            }
            let summary = ExceptionSummary(body: record.exceptionBody)
            let signature = ErrorSignature(toggle: record.toggleName, summary: summary)
            partials[signature, default: Partial(summary: summary, members: [])].members.append(index)
        }
        let start = since ?? records.compactMap(\.time).min() ?? now
        var groups: [ErrorGroup] = []
        groups.reserveCapacity(partials.count)
        for (signature, partial) in partials {
            let sorted = partial.members.sorted { ErrorClientSearch.newestFirst(records[$0], records[$1]) }
            let times = partial.members.compactMap { records[$0].time }
            let newest = sorted.first.map { ExceptionSummary(body: records[$0].exceptionBody) } ?? partial.summary
            groups.append(
                ErrorGroup(
                    signature: signature, summary: newest, count: partial.members.count,
                    firstSeen: times.min(), lastSeen: times.max(),
                    series: series(times, from: start, to: now, buckets: buckets),
                    members: sorted.prefix(memberLimit).map { records[$0] }))
        }
        groups.sort {
            if $0.count != $1.count { return $0.count > $1.count }
            let (a, b) = ($0.lastSeen ?? .distantPast, $1.lastSeen ?? .distantPast)
            if a != b { return a > b }
            return $0.signature < $1.signature
        }
        return groups
    }

    /// How many of `times` fall in each of `buckets` equal parts of `from...to`, oldest first.
    /// Times outside are not counted; the last bucket includes `to`.
    public static func series(_ times: [Date], from: Date, to: Date, buckets: Int = buckets) -> [Int] {
        guard buckets > 0 else { return [] }
        var counts = [Int](repeating: 0, count: buckets)
        let span = to.timeIntervalSince(from)
        guard span > 0 else {
            counts[buckets - 1] = times.filter { $0 == to }.count
            return counts
        }
        for time in times {
            let offset = time.timeIntervalSince(from)
            guard offset >= 0, offset <= span else { continue }
            counts[min(buckets - 1, Int(offset / span * Double(buckets)))] += 1
        }
        return counts
    }
}
