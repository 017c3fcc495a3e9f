import Foundation

/// When an expensive periodic step (a keyspace walk, a discovery, an index overview) may run
/// again: at most every `max(minimumPeriod, last cost / share)` seconds, so on average it takes no
/// more than `share` of one core however large the keyspace grows. A value owned by whoever runs
/// the step, on that thread.
public struct IdleBudget: Sendable {
    /// Share of one core the step may take on average.
    public var share: Double
    public var minimumPeriod: Double
    private var last: (at: Date, took: Double)?

    public init(share: Double = 0.001, minimumPeriod: Double = 10) {
        self.share = share
        self.minimumPeriod = minimumPeriod
    }

    /// Whether the step has never run.
    public var isFirst: Bool { last == nil }

    /// Whether the step may run now (always before its first run).
    public func isDue(now: Date = Date()) -> Bool {
        guard let last else { return true }
        return now.timeIntervalSince(last.at) >= max(minimumPeriod, last.took / share)
    }

    /// Records a run that started at `at` and cost `took` seconds.
    public mutating func record(at: Date, took: Double) {
        last = (at, took)
    }

    /// Runs `body` and records its cost.
    public mutating func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let started = Date()
        defer { record(at: started, took: Date().timeIntervalSince(started)) }
        return try body()
    }
}
