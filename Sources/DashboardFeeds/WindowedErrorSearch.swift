import Dashboard
import Foundation
import Operations

/// An error search narrowed to the absolute window (`:from`/`:to`), for the search effect and
/// the feed's re-runs alike. Without a window a search spans every record, as before. Pure
/// apart from the store's reads; runs on the errors poller's queue.
enum WindowedErrorSearch {
    /// Matches read without a window (the pane's page).
    static let limit = 200
    /// Matches read with a window before narrowing: the index has no time field (the time is in
    /// the id), so the window is applied to the matches read, and said when not all were.
    static let windowedLimit = 2_000

    static func run(
        _ store: ErrorStore, _ env: OpsEnvironment, query: ErrorQuery, range: ErrorRange, window: Double, now: Date
    ) throws(OperationsError) -> ErrorSearchResult {
        guard range.isSet else { return try store.search(env, query: query, limit: limit) }
        let found = try store.search(env, query: query, limit: windowedLimit)
        return narrowed(found, range: range, window: window, now: now)
    }

    /// The records of `found` inside the window. When every match was read the total is exact;
    /// otherwise the notice says the window was applied to the matches read.
    static func narrowed(_ found: ErrorSearchResult, range: ErrorRange, window: Double, now: Date) -> ErrorSearchResult {
        let (since, until) = range.bounds(window: window, now: now)
        var result = found
        result.records = found.records.filter { record in
            guard let time = record.time else { return false }
            return time >= since && time <= until
        }
        result.total = result.records.count
        if found.total > found.records.count {
            let note = "window applied to the \(found.records.count) matches read of \(found.total)"
            result.notice = [found.notice, note].compactMap { $0 }.joined(separator: "; ")
        }
        result.records = Array(result.records.prefix(limit))
        return result
    }
}
