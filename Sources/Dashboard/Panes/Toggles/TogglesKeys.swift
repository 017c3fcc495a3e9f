/// The Toggles pane's place, keys and movement (see `PaneBehavior`). Pure; main queue.
extension TogglesPane: PaneBehavior {
    static var title: String { "Toggles" }
    static var gridSlot: GridSlot? { GridSlot(row: 0, column: 0) }
    static var dataParts: [DataPart] { [.toggles, .audit] }
    static var bindings: [KeyBinding] {
        [
            KeyBinding([.char(" ")], .flipToggle, "Flip toggle (asks first)", context: .pane(.toggles), hint: "flip"),
            KeyBinding([.char("o")], .cycleSort, "Sort by the next column", context: .pane(.toggles), hint: "sort", hintKeys: "o/O"),
            KeyBinding([.char("O")], .reverseSort, "Reverse the sort", context: .pane(.toggles)),
            KeyBinding([.char("e")], .showToggleErrors, "Its errors (in Errors)", context: .pane(.toggles), hint: "its errors"),
            KeyBinding([.char("C")], .cancelGuard, "Cancel its guard (asks)", context: .pane(.toggles), hint: "cancel guard"),
        ]
    }

    static func listRows(in rect: Rect, state: AppState) -> Int { tableArea(in: rect, state: state).height - 1 }

    static func list(in rect: Rect, state: AppState) -> PaneList? {
        let t = state.toggles
        guard t.detail == nil else { return nil }
        return PaneList(area: tableArea(in: rect, state: state), table: t.table, rowCount: t.visible.count)
    }

    static func chooserColumns(_ state: AppState) -> ChooserColumns? {
        ChooserColumns(table: "toggles", titles: columns(state, width: 10_000, all: true).map(\.1.title), primary: "Name")
    }

    static func isEditingText(_ state: AppState) -> Bool { state.toggles.editingFilter }

    static func startFilter(_ state: inout AppState) { state.toggles.editingFilter = true }

    static func editField(_ key: Key, state: inout AppState) {
        if state.toggles.filter.handle(key, keymap: state.keymap) { state.toggles.refilter() }
    }

    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect] {
        state.toggles.editingFilter = false
        // Keeping a filter picks the row it leaves selected: it is followed from then on.
        if action == .keepFilter, state.toggles.selectedRow != nil { state.toggles.table.chosen = true }
        if action == .clearFilter {
            state.toggles.filter = TextInput()
            state.toggles.refilter()
        }
        return []
    }

    static func move(_ move: AppState.Move, page: Int, state: inout AppState) {
        // A local copy: the scroll and the table are two parts of one pane state.
        var toggles = state.toggles
        defer { state.toggles = toggles }
        move.apply(
            detailOpen: toggles.detail != nil, scroll: &toggles.detailScroll, table: &toggles.table,
            rowCount: toggles.visible.count)
    }

    static func openDetails(_ state: inout AppState) -> [Effect] {
        guard let row = state.toggles.selectedRow else { return [] }
        state.toggles.detail = .loading(name: row.name)
        state.toggles.detailScroll = 0
        state.toggles.detailBasis = nil
        return [.loadToggleDetail(name: row.name)]
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if state.toggles.detail != nil {
            state.toggles.detail = nil
        } else if !state.toggles.filter.isEmpty {
            state.toggles.filter = TextInput()
            state.toggles.refilter()
        }
        return []
    }

    static func refreshEffects(_ state: AppState) -> [Effect] {
        state.toggles.detail.map { [.loadToggleDetail(name: $0.name)] } ?? []
    }

    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]? {
        switch action {
        case .flipToggle: return state.startFlip()
        case .cancelGuard: return state.startGuardCancel()
        case .cycleSort:
            state.toggles.setSort(nextVisibleSort(state))
            state.keepSelectionsVisible()
            state.say("Toggles sorted by \(state.toggles.sort.label)")
            return []
        case .reverseSort:
            state.toggles.setSort(state.toggles.sort, descending: !state.toggles.descending)
            state.keepSelectionsVisible()
            state.say("Toggles sorted " + TableSorting.summary(state.toggles.sort.label, descending: state.toggles.descending))
            return []
        case .showToggleErrors: return state.showToggleErrors()
        default: return nil
        }
    }

    static func keepSelectionVisible(_ state: inout AppState, rows: Int) {
        state.toggles.table.offset = state.toggles.table.clampedOffset(rowCount: state.toggles.visible.count, visibleRows: rows)
    }

    static func hints(_ state: AppState) -> [KeyAction] {
        state.toggles.detail != nil
            ? [.back, .showToggleErrors, .moveDown, .refresh]
            : [.flipToggle, .openDetails, .showToggleErrors, .filter, .cycleSort]
    }

    /// `o`: the next sort whose column is on screen now (a hidden Fingerprint or an Errors
    /// column before the window is read is skipped: sorting by what you cannot see confuses).
    static func nextVisibleSort(_ state: AppState) -> ToggleSort {
        let rect = ScreenLayout(width: state.width, height: state.height, focus: state.focus).panes[.toggles]
        let width = rect.map { tableArea(in: $0, state: state).width } ?? state.width
        let shown = Set(columns(state, width: width).map(\.0))
        var next = state.toggles.sort.next
        while !shown.contains(next.column), next != state.toggles.sort { next = next.next }
        return next
    }
}
