/// The Errors pane's place, keys and movement (see `PaneBehavior`): its field is the search,
/// run on Enter. Pure; main queue.
extension ErrorsPane: PaneBehavior {
    static var title: String { "Errors" }
    static var gridSlot: GridSlot? { GridSlot(row: 1, column: 0) }
    static var dataParts: [DataPart] { [.errors] }
    static var bindings: [KeyBinding] {
        [
            KeyBinding([.char("/")], .editSearch, "Edit search", context: .pane(.errors), hint: "search"),
            KeyBinding([.char("v")], .toggleGrouping, "Grouped / every error", context: .pane(.errors), hint: "groups/all"),
            KeyBinding([.char("t")], .jumpToToggle, "Jump to its toggle", context: .pane(.errors), hint: "its toggle"),
            KeyBinding([.char("o")], .cycleSort, "Sort by the next column", context: .pane(.errors), hint: "sort", hintKeys: "o/O"),
            KeyBinding([.char("O")], .reverseSort, "Reverse the sort", context: .pane(.errors)),
        ]
    }
    static var fieldContext: KeyContext { .search }

    static func listRows(in rect: Rect, state: AppState) -> Int { areas(in: rect, state: state).table.height - 1 }

    static func list(in rect: Rect, state: AppState) -> PaneList? {
        let e = state.errors
        guard e.detail == nil else { return nil }
        let table = e.showsGroups ? e.groupTable : e.table
        return PaneList(area: areas(in: rect, state: state).table, table: table, rowCount: e.listCount)
    }

    /// The groups and the list of errors are two tables, each with its own choice.
    static func chooserColumns(_ state: AppState) -> ChooserColumns? {
        let e = state.errors
        guard e.detail == nil else { return nil }
        if e.showsGroups {
            return ChooserColumns(table: "error groups", titles: ErrorGroupsTable.columns(e.groups ?? []).map(\.title), primary: "Toggle")
        }
        return ChooserColumns(table: "errors", titles: columns(e.rows).map(\.title), primary: "Toggle")
    }

    static func isEditingText(_ state: AppState) -> Bool { state.errors.editingQuery }

    static func startFilter(_ state: inout AppState) {
        state.errors.detail = nil
        state.errors.editingQuery = true
    }

    static func editField(_ key: Key, state: inout AppState) { _ = state.errors.query.handle(key, keymap: state.keymap) }

    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect] {
        if action == .runSearch { return state.runSearch() }
        state.errors.editingQuery = false
        return []
    }

    static func fieldNote(_ state: AppState) -> String? { nil }

    /// `r` runs the shown search again: its answer is the refreshed list, and clears "N new"
    /// (issue 23, bug 4: the marker once stayed after a refresh).
    static func refreshEffects(_ state: AppState) -> [Effect] {
        guard let query = state.errors.result?.query, !query.isEmpty, !state.errors.searching else { return [] }
        return [.search(query: query)]
    }

    static func move(_ move: AppState.Move, page: Int, state: inout AppState) {
        // A local copy: the scroll and the table are two parts of one pane state.
        var errors = state.errors
        defer { state.errors = errors }
        if errors.showsGroups && errors.detail == nil {
            move.apply(detailOpen: false, scroll: &errors.detailScroll, table: &errors.groupTable, rowCount: errors.listCount)
            return
        }
        let rows = errors.rows.count
        move.apply(detailOpen: errors.detail != nil, scroll: &errors.detailScroll, table: &errors.table, rowCount: rows)
    }

    /// Enter on a group lists its members; on an error, shows it.
    static func openDetails(_ state: inout AppState) -> [Effect] {
        if state.errors.showsGroups {
            guard let group = state.errors.selectedGroup else { return [] }
            state.errors.openGroup = group
            state.errors.table = TableState(selected: group.members.isEmpty ? nil : 0)
            return []
        }
        guard let row = state.errors.selectedRow else { return [] }
        state.errors.detail = row
        state.errors.detailScroll = 0
        return []
    }

    /// Esc closes the detail, then the search (back to the live list).
    static func back(_ state: inout AppState) -> [Effect] {
        if state.errors.detail != nil {
            state.errors.detail = nil
        } else if state.errors.openGroup != nil {
            state.errors.openGroup = nil
            state.errors.table = TableState(selected: state.errors.rows.isEmpty ? nil : 0)
        } else if !(state.errors.result?.query.isEmpty ?? true) || !state.errors.query.isEmpty {
            state.errors.clearSearch()
            return [.searchCleared]
        }
        return []
    }

    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]? {
        switch action {
        case .editSearch:
            startFilter(&state)
            return []
        case .jumpToToggle:
            state.jumpToToggle()
            return []
        case .cycleSort, .reverseSort:
            guard state.errors.detail == nil else { return [] }
            state.errors.sort(reversing: action == .reverseSort, choice: state.columnChoice)
            state.keepSelectionsVisible()
            state.say("Errors sorted " + (state.errors.sortSummary ?? ""))
            return []
        case .toggleGrouping:
            state.errors.grouped.toggle()
            state.errors.openGroup = nil
            state.errors.detail = nil
            state.errors.table = TableState(selected: state.errors.rows.isEmpty ? nil : 0)
            state.say(state.errors.grouped ? "Errors grouped by signature" : "Every error, newest first")
            return []
        default: return nil
        }
    }

    static func keepSelectionVisible(_ state: inout AppState, rows: Int) {
        state.errors.table.offset = state.errors.table.clampedOffset(rowCount: state.errors.rows.count, visibleRows: rows)
        state.errors.groupTable.offset = state.errors.groupTable.clampedOffset(
            rowCount: state.errors.groups?.count ?? 0, visibleRows: rows)
    }

    static func hints(_ state: AppState) -> [KeyAction] {
        if state.errors.detail != nil { return [.back, .moveDown, .jumpToToggle] }
        if state.errors.openGroup != nil { return [.back, .openDetails, .jumpToToggle, .cycleSort] }
        return [.editSearch, .openDetails, .toggleGrouping, .jumpToToggle, .cycleSort]
    }
}
