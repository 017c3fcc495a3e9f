import Foundation

/// Everything the Errors pane remembers between frames. A plain value owned by `AppState`.
public struct ErrorsState: Hashable, Sendable {
    public var query = TextInput()
    public var editingQuery = false
    /// A search effect is out and its answer has not come back.
    public var searching = false
    public var result: ErrorSearchView?
    /// Why the last search failed, in words for the user.
    public var searchError: String?
    public var table = TableState()
    /// The error whose body is shown; a copy, so a new search does not swap it underneath.
    public var detail: ErrorRow?
    public var detailScroll = 0
    public var counts: [ToggleCount] = []
    /// The poller's newest errors, kept while a search is shown so clearing it returns at once.
    public var latest: ErrorSearchView?
    /// When what the pane shows was last known to be current (its own age, not the poll's).
    public var checkedAt: Date?
    /// Errors matching the active search that arrived since it was run (the "N new" marker).
    public var newSinceSearch = 0

    public init() {}

    public var rows: [ErrorRow] { result?.rows ?? [] }

    /// Leaves a search: the query, its results and any failure go, the live list comes back.
    public mutating func clearSearch() {
        query = TextInput()
        searchError = nil
        searching = false
        result = latest
        newSinceSearch = 0
        table = TableState(selected: (latest?.rows.isEmpty ?? true) ? nil : 0)
    }

    public var selectedRow: ErrorRow? {
        guard let s = table.selected, s >= 0, s < rows.count else { return nil }
        return rows[s]
    }

    /// Shows the poller's newest errors while the user has not searched (or cleared the
    /// search); never replaces the results of a query, and keeps the selection in range.
    public mutating func showLatest(_ latest: ErrorSearchView) {
        self.latest = latest
        guard !searching, query.isEmpty, result?.query.isEmpty ?? true else { return }
        replaceKeepingSelection(latest)
    }

    /// The active search, run again by the poller because errors arrived: the new matches are
    /// counted for the "N new" marker, and the selection stays on the same error.
    public mutating func refreshSearch(_ view: ErrorSearchView) {
        guard !searching, let current = result, !current.query.isEmpty, current.query == view.query else { return }
        newSinceSearch += max(0, view.total - current.total)
        replaceKeepingSelection(view)
    }

    /// The selection follows the error (its id), not the row number; if that error is gone,
    /// the nearest row is selected.
    mutating func replaceKeepingSelection(_ view: ErrorSearchView) {
        let keepID = selectedRow?.id
        let selected = table.selected
        result = view
        if let keepID, let index = view.rows.firstIndex(where: { $0.id == keepID }) {
            table.selected = index
        } else {
            table.selected = view.rows.isEmpty ? nil : min(selected ?? 0, view.rows.count - 1)
        }
    }
}
