import Foundation

/// Everything the Errors pane remembers between frames. A plain value owned by `AppState`.
public struct ErrorsState: PaneState {
    public static var pane: Pane { .errors }

    public var query = TextInput()
    public var editingQuery = false
    /// A search effect is out and its answer has not come back.
    public var searching = false
    /// Kept in the person's order (`rowSort`) whatever stores it: a poll, a search, a reset.
    public var result: ErrorSearchView? {
        didSet { if let sort = rowSort, result != nil { TableSorting.arrange(&result!.rows, descending: rowDescending, by: sort.less) } }
    }
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

    // MARK: Groups and the window
    /// Grouped view (the default) or every error; one key switches (`toggleGrouping`).
    public var grouped = true
    /// The groups in the window, biggest first; nil until the poller has read the window.
    public var groups: [ErrorGroupRow]? {
        didSet { if let sort = groupSort, groups != nil { TableSorting.arrange(&groups!, descending: groupDescending, by: sort.less) } }
    }
    public var groupTable = TableState()
    /// The group whose members are listed (Enter on a group row), a copy.
    public var openGroup: ErrorGroupRow? {
        didSet {
            if let sort = rowSort, openGroup != nil { TableSorting.arrange(&openGroup!.members, descending: rowDescending, by: sort.less) }
        }
    }
    /// The order the person chose for the errors (`o`/`O`); nil: as read, newest first.
    public internal(set) var rowSort: ErrorRowSort?
    public internal(set) var rowDescending = false
    /// The order the person chose for the groups; nil: as read, biggest first.
    public internal(set) var groupSort: ErrorGroupSort?
    public internal(set) var groupDescending = false
    /// The time window in seconds for groups and rates (`[` and `]` step through `windowSteps`).
    public var window: Double = 900
    /// More errors fell in the window than were read: counts are of the newest.
    public var windowTruncated = false
    /// The first walk over the index goes on: counts, groups and rates cover its newest part.
    public var counting: ErrorCounting?
    /// An absolute window (`:from`/`:to`), which `:since` clears.
    public var range = ErrorRange()

    public static let windowSteps: [Double] = [300, 900, 3_600, 6 * 3_600, 86_400, 7 * 86_400]

    public init() {}

    /// True when the table lists groups: grouped, no group open, no search shown.
    public var showsGroups: Bool {
        grouped && groups != nil && openGroup == nil && (result?.query.isEmpty ?? true) && query.isEmpty
    }

    /// The errors the table lists: an open group's members, else the search or latest errors.
    public var rows: [ErrorRow] { openGroup?.members ?? result?.rows ?? [] }

    /// How many rows the table shows (groups or errors).
    public var listCount: Int { showsGroups ? (groups?.count ?? 0) : rows.count }

    public var selectedGroup: ErrorGroupRow? {
        guard showsGroups, let groups, let s = groupTable.selected, s >= 0, s < groups.count else { return nil }
        return groups[s]
    }

    /// New groups from a poll; the selection follows the group (its signature), and an open
    /// group's members are refreshed.
    public mutating func showGroups(_ new: [ErrorGroupRow], truncated: Bool) {
        let keep = selectedGroup?.id
        let selected = groupTable.selected
        groups = new
        windowTruncated = truncated
        if let open = openGroup, let fresh = new.first(where: { $0.id == open.id }) { openGroup = fresh }
        // `groups` is now in the person's order: positions are read from it, not from `new`.
        if let keep, let index = groups?.firstIndex(where: { $0.id == keep }) {
            groupTable.selected = index
        } else {
            groupTable.selected = new.isEmpty ? nil : min(selected ?? 0, new.count - 1)
        }
    }

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
        if showsGroups { return selectedGroup?.members.first }
        guard let s = table.selected, s >= 0, s < rows.count else { return nil }
        return rows[s]
    }

    /// Shows the poller's newest errors while the user has not searched (or cleared the
    /// search); never replaces the results of a query, and keeps the selection in range.
    public mutating func showLatest(_ latest: ErrorSearchView) {
        self.latest = latest
        guard !searching, query.isEmpty, result?.query.isEmpty ?? true else { return }
        // The table lists an open group's members: its selection is theirs.
        if openGroup != nil {
            result = latest
            return
        }
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
        if let keepID, let index = result?.rows.firstIndex(where: { $0.id == keepID }) {
            table.selected = index
        } else {
            table.selected = view.rows.isEmpty ? nil : min(selected ?? 0, view.rows.count - 1)
        }
    }
}

extension AppState {
    /// The Errors pane's state (kept in `paneStates`).
    public var errors: ErrorsState {
        get { paneStates[ErrorsState.self] }
        set { paneStates[ErrorsState.self] = newValue }
        _modify { yield &paneStates[ErrorsState.self] }
    }
}
