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

    public init() {}

    public var rows: [ErrorRow] { result?.rows ?? [] }

    /// Leaves a search: the query, its results and any failure go, the live list comes back.
    public mutating func clearSearch() {
        query = TextInput()
        searchError = nil
        searching = false
        result = latest
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
        let selected = table.selected
        result = latest
        table.selected = latest.rows.isEmpty ? nil : min(selected ?? 0, latest.rows.count - 1)
    }
}
