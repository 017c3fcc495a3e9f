import Foundation

/// The status bar's command rate: the commands opsdeck sent per second, averaged over the
/// trailing `window` (30 s), never over one poll. A poll that reads everything (thousands of
/// commands in a storm) once showed as thousands of commands a second for a second (issue 23,
/// bug 6); averaged over 30 s it is what it is, a burst among quiet polls. Shown once the
/// samples span `minimumSpan` (5 s), so the first polls' reads are not a one-poll figure either.
///
/// A plain value fed with the poller's running count of commands sent; owned by the poll
/// source, on the poller's queue. Times come from the caller's clock, so it is tested pure.
public struct CommandRateWindow: Sendable {
    public static let standardWindow: TimeInterval = 30
    public let window: TimeInterval
    public let minimumSpan: TimeInterval
    /// (when, commands sent so far), oldest first, reaching back just past `window`.
    private var samples: [(at: Date, sent: Int)] = []

    public init(window: TimeInterval = standardWindow, minimumSpan: TimeInterval = 5) {
        self.window = window
        self.minimumSpan = min(minimumSpan, window)
    }

    /// Takes the running count `sent` at `now`; the average over the trailing window, or nil
    /// while the samples span less than `minimumSpan`.
    public mutating func rate(sent: Int, at now: Date) -> Double? {
        if let last = samples.last, now < last.at || sent < last.sent {
            samples = [] // a clock or a counter that went back: start again
        }
        samples.append((now, sent))
        let start = now.addingTimeInterval(-window)
        // Keep the newest sample at or before the window's start: the average spans it whole.
        while samples.count > 2 && samples[1].at <= start { samples.removeFirst() }
        guard let oldest = samples.first else { return nil }
        let span = now.timeIntervalSince(oldest.at)
        guard span >= minimumSpan else { return nil }
        return Double(sent - oldest.sent) / span
    }
}
