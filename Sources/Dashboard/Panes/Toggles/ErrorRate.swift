import Foundation

/// One toggle's errors within the time window: how many, a count series for the sparkline and
/// their times (bounded by the window's read), so the Toggles pane can sort by it, mark a toggle
/// whose errors rose after its last flip, and the detail can draw its timeline. A plain value.
public struct ErrorRate: Hashable, Sendable {
    public var count: Int
    /// Counts per bucket over the window, oldest first.
    public var series: [Int]
    /// When each error happened, oldest first.
    public var times: [Date]

    public init(count: Int, series: [Int], times: [Date]) {
        self.count = count
        self.series = series
        self.times = times.sorted()
    }

    /// Errors at or after `date`.
    public func count(after date: Date) -> Int { times.count { $0 >= date } }

    /// The first error at or after `date`.
    public func first(after date: Date) -> Date? { times.first { $0 >= date } }

    /// The one rule for "its errors rose after the flip at `flip`": more errors in the time
    /// since the flip than in the same span before it (within what the window holds).
    public func rose(after flip: Date, now: Date) -> Bool {
        let span = now.timeIntervalSince(flip)
        guard span > 0 else { return false }
        let after = count(after: flip)
        let before = times.count { $0 < flip && $0 >= flip.addingTimeInterval(-span) }
        guard after > before else { return false }
        // `before` grows as the span reaches back to older errors (`after` does not change with
        // the clock): the mark may go when the next older one comes into the span.
        if let older = times.filter({ $0 < flip.addingTimeInterval(-span) }).max() {
            ClockHorizon.note(flip.timeIntervalSince(older) - span)
        }
        return true
    }
}
