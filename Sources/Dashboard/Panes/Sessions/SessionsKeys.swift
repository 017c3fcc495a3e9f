/// The Sessions pane's place, keys and movement (see `PaneBehavior`). Pure; main queue.
extension SessionsPane: PaneBehavior {
    static var title: String { "Sessions" }
    static var gridSlot: GridSlot? { GridSlot(row: 0, column: 1) }
    static var dataParts: [DataPart] { [.sessions] }
    static var bindings: [KeyBinding] {
        [
            KeyBinding([.char("m")], .revealMasked, "Reveal/mask values", context: .pane(.sessions), hint: "mask/reveal"),
            KeyBinding([.char("o")], .cycleSort, "Sort by the next column", context: .pane(.sessions), hint: "sort", hintKeys: "o/O"),
            KeyBinding([.char("O")], .reverseSort, "Reverse the sort", context: .pane(.sessions)),
        ]
    }

    static func listRows(in rect: Rect, state: AppState) -> Int { tableArea(in: rect, state: state).height - 1 }

    static func list(in rect: Rect, state: AppState) -> PaneList? {
        let s = state.sessions
        guard s.detail == nil else { return nil }
        return PaneList(area: tableArea(in: rect, state: state), table: s.table, rowCount: s.visible.count)
    }

    static func chooserColumns(_ state: AppState) -> ChooserColumns? {
        ChooserColumns(table: "sessions", titles: columns(state).map(\.title), primary: "Key")
    }

    static func isEditingText(_ state: AppState) -> Bool { state.sessions.editingFilter }

    static func startFilter(_ state: inout AppState) { state.sessions.editingFilter = true }

    static func editField(_ key: Key, state: inout AppState) {
        if state.sessions.filter.handle(key, keymap: state.keymap) { state.sessions.refilter() }
    }

    /// Enter keeps the filter, Esc clears it; a `FIELD=VALUE` filter is applied by the poller
    /// over the whole keyspace, so it hears of every change.
    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect] {
        state.sessions.editingFilter = false
        // Keeping a filter picks the row it leaves selected: it is followed from then on.
        if action == .keepFilter, state.sessions.selectedRow != nil { state.sessions.table.chosen = true }
        if action == .clearFilter {
            state.sessions.filter = TextInput()
            state.sessions.refilter()
        }
        return apply(&state)
    }

    static func move(_ move: AppState.Move, page: Int, state: inout AppState) {
        // A local copy: the scroll and the table are two parts of one pane state.
        var sessions = state.sessions
        defer { state.sessions = sessions }
        move.apply(
            detailOpen: sessions.detail != nil, scroll: &sessions.detailScroll, table: &sessions.table,
            rowCount: sessions.visible.count)
    }

    static func openDetails(_ state: inout AppState) -> [Effect] {
        guard let row = state.sessions.selectedRow else { return [] }
        state.sessions.detail = .loading(key: row.key)
        state.sessions.detailScroll = 0
        return [.loadSessionDetail(key: row.key)]
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if state.sessions.detail != nil {
            state.sessions.detail = nil
            return []
        }
        guard !state.sessions.filter.isEmpty || !state.sessions.appliedFilter.isEmpty else { return [] }
        state.sessions.filter = TextInput()
        state.sessions.refilter()
        return apply(&state)
    }

    /// Tells the poller the filter when it changed (it narrows its scan by it).
    private static func apply(_ state: inout AppState) -> [Effect] {
        state.keepSelectionsVisible()
        let text = state.sessions.filter.text
        guard text != state.sessions.appliedFilter else { return [] }
        state.sessions.appliedFilter = text
        return [.setSessionFilter(text)]
    }

    static func refreshEffects(_ state: AppState) -> [Effect] {
        state.sessions.detail.map { [.loadSessionDetail(key: $0.key)] } ?? []
    }

    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]? {
        switch action {
        case .cycleSort, .reverseSort:
            let s = state.sessions
            if action == .cycleSort {
                let hidden = { (sort: SessionSort) in state.columnChoice.hides(sort.title, in: "sessions") }
                state.sessions.setSort((s.sort ?? .key).next(skipping: hidden))
            } else {
                state.sessions.setSort(s.sort ?? .key, descending: !s.descending)
            }
            state.keepSelectionsVisible()
            let now = state.sessions
            state.say("Sessions sorted " + TableSorting.summary(now.sort?.label ?? "key", descending: now.descending))
            return []
        case .revealMasked: break
        default: return nil
        }
        state.masked.toggle()
        state.say(state.masked ? "E-mail and phone values masked" : "E-mail and phone values revealed (m masks again)")
        return []
    }

    static func keepSelectionVisible(_ state: inout AppState, rows: Int) {
        state.sessions.table.offset = state.sessions.table.clampedOffset(rowCount: state.sessions.visible.count, visibleRows: rows)
    }

    static func hints(_ state: AppState) -> [KeyAction] {
        state.sessions.detail != nil ? [.back, .revealMasked, .moveDown, .refresh] : [.openDetails, .filter, .cycleSort, .revealMasked]
    }
}
