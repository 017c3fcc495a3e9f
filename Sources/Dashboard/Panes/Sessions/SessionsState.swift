import Foundation
import SharedRules

/// Everything the Sessions pane remembers between frames. A plain value owned by `AppState`.
public struct SessionsState: PaneState {
    public static var pane: Pane { .sessions }

    public private(set) var rows: [SessionRow] = []
    /// When `rows` (and their TTLs) were read: the TTL column counts down from here.
    public private(set) var readAt: Date?
    /// All matching sessions in Redis when the poller only fetched a page; partial while counting.
    public var count: KeyCount?
    public private(set) var visible: [Int] = []
    public var table = TableState()
    public var filter = TextInput()
    public var editingFilter = false
    /// The filter last handed to the poller (`Effect.setSessionFilter`), to send only changes.
    public var appliedFilter = ""
    public var detail: SessionDetailState?
    public var detailScroll = 0
    /// The order the person chose (`o`/`O`); nil: as polled (a filtered list by key).
    public private(set) var sort: SessionSort?
    public private(set) var descending = false

    public init() {}

    public var selectedRow: SessionRow? {
        guard let s = table.selected, s >= 0, s < visible.count else { return nil }
        return rows[visible[s]]
    }

    public func row(atVisible i: Int) -> SessionRow { rows[visible[i]] }

    public mutating func replace(_ new: [SessionRow], count: KeyCount?, readAt: Date) {
        let keep = selectedRow?.key
        rows = new
        self.readAt = readAt
        if let count { self.count = count }
        refilter(keeping: keep)
    }

    /// Recomputes `visible` from the filter (key, auth type and field values, case-insensitive),
    /// keeping the selected session selected when it survives.
    public mutating func refilter() {
        refilter(keeping: selectedRow?.key)
    }

    public mutating func setSort(_ sort: SessionSort, descending: Bool = false) {
        self.sort = sort
        self.descending = descending
        refilter()
    }

    /// Selects the session `key` (a `:` jump), clearing the filter if it hides it. False when absent.
    @discardableResult
    public mutating func select(key: String) -> Bool {
        guard rows.contains(where: { $0.key == key }) else { return false }
        if !visible.contains(where: { rows[$0].key == key }) {
            filter = TextInput()
            refilter()
        }
        table.selected = visible.firstIndex { rows[$0].key == key }
        table.chosen = true
        return true
    }

    /// `visible` indexes into `rows`: when the rows are replaced, the selection must be read
    /// before, or a shorter list would be indexed with the old positions.
    private mutating func refilter(keeping keep: String?) {
        let needle = filter.text.lowercased()
        // `FIELD=VALUE` is the server-side filter (exact, as `sessions list --where`): the poller
        // lists matching sessions from the whole keyspace, and the same rule applies here.
        let condition = FieldCondition(parsing: filter.text)
        visible = rows.indices.filter { i in
            guard !needle.isEmpty else { return true }
            let r = rows[i]
            if let condition { return r.fields.contains { $0.name == condition.field && $0.value == condition.value } }
            if r.key.lowercased().contains(needle) { return true }
            if (r.authType ?? "").lowercased().contains(needle) { return true }
            return r.fields.contains { $0.value.lowercased().contains(needle) }
        }
        // Sorted by key like the unfiltered list, never in the order the server's scan found them.
        if let sort {
            TableSorting.arrange(&visible, descending: descending) { sort.less(rows[$0], rows[$1]) }
        } else if !needle.isEmpty {
            visible.sort { rows[$0].key < rows[$1].key }
        }
        // Until the person picks a row the first one stays selected (and in view).
        if !table.chosen, !visible.isEmpty {
            table.selected = 0
            table.offset = 0
        } else if let keep, let i = visible.firstIndex(where: { rows[$0].key == keep }) {
            table.selected = i
        } else if visible.isEmpty {
            table.selected = nil
        } else {
            table.selected = min(max(0, table.selected ?? 0), visible.count - 1)
        }
    }
}

extension AppState {
    /// The Sessions pane's state (kept in `paneStates`).
    public var sessions: SessionsState {
        get { paneStates[SessionsState.self] }
        set { paneStates[SessionsState.self] = newValue }
        _modify { yield &paneStates[SessionsState.self] }
    }
}
