import Foundation
import Operations

/// When the Errors feed re-derives its figures from what it last read, with no read at all, so
/// that errors leave the window as time passes (issue 23: "records that age out of the window
/// leave the counts as time passes, without a re-read"). Found in the storm trial: with no new
/// error the figures waited for the next overview pass, which the idle budget spaces out by its
/// cost (minutes after a costly pass), while the probe kept saying "current"; the screen showed
/// the storm's 4,004 a quarter of an hour after the last of them had left the window.
///
/// Due when a record it counted has left the window since (the counts change), or when the
/// sparklines' buckets have moved by one since the figures were derived. Owned by `ErrorsFeed`,
/// on the poller's queue; a plain value.
struct ErrorWindowAgeing {
    /// When the figures were last derived, and when the oldest record they counted leaves.
    private var derivedAt: Date?
    private var nextExit: Date?

    /// Notes figures derived at `now` from `stamps` (the window's, as counted) over `since…now`.
    mutating func derived(_ stamps: [ErrorStamp], since: Date, now: Date) {
        derivedAt = now
        let oldest = stamps.lazy.compactMap(\.time).filter { $0 >= since }.min()
        // The window keeps its length: the oldest leaves once the clock is that far past it.
        nextExit = oldest.map { $0.addingTimeInterval(now.timeIntervalSince(since)) }
    }

    /// Whether figures derived at `derivedAt` read differently at `now` for a window of `span`
    /// seconds: a record left it (`exits`: the window's start moves with the clock, not a
    /// `:from` time), or a sparkline bucket (`span / buckets`) went by.
    func isDue(now: Date, span: Double, exits: Bool) -> Bool {
        guard let derivedAt else { return false }
        if exits, let nextExit, now > nextExit { return true }
        return now.timeIntervalSince(derivedAt) >= span / Double(ErrorGroups.buckets)
    }
}
