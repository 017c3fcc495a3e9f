/// The Sessions pane: the list (key, auth type, name, live TTL) with its filter, or the detail
/// view of one session. Stateless: draws `AppState`. Main queue.
enum SessionsPane {
    /// The key and auth type columns fit their content (of the first 500 rows); Name takes the rest.
    static func columns(_ state: AppState) -> [TableColumn] {
        let rows = state.sessions.rows.prefix(500)
        // The sorted column's header carries the direction once the person sorted (issue 25).
        let s = state.sessions
        // Each header is its sort's `title`: the one spelling `:columns` and `o` go by.
        let title = { (sort: SessionSort) -> String in TableSorting.header(sort.title, sorted: s.sort == sort, descending: s.descending) }
        return [
            TableColumn(title(.key), width: .fixed(TableColumn.fit(title(.key), rows.map(\.key), floor: 12, cap: 40))),
            TableColumn(title(.authType), width: .fixed(TableColumn.fit(title(.authType), rows.map { $0.authType ?? "" }, cap: 16))),
            TableColumn(title(.name), width: .min(10)),
            TableColumn(title(.ttl), width: .fixed(8), alignment: .right),
        ]
    }

    static func showsFilter(_ state: AppState) -> Bool {
        state.sessions.editingFilter || !state.sessions.filter.isEmpty
    }

    static func tableArea(in rect: Rect, state: AppState) -> Rect {
        let inner = rect.inset(by: 1)
        return showsFilter(state) ? inner.splitTop(1).1 : inner
    }

    static func title(_ state: AppState) -> String {
        let s = state.sessions
        if let detail = s.detail { return "2 Session " + SafeText.line(detail.key, width: 60) }
        var title = "2 Sessions"
        guard state.lastPoll(of: .sessions) != nil else { return title }
        title += " " + Formatting.count(s.visible.count)
        // A partial count is always labelled (`KeyCount.label`), even when below the rows shown.
        if let count = s.count, count.isPartial || count.value > s.rows.count {
            title += " of " + count.label
        } else if s.visible.count != s.rows.count {
            title += "/" + Formatting.count(s.rows.count)
        }
        if let sort = s.sort { title += " · " + TableSorting.summary(sort.label, descending: s.descending) }
        if let position = PaneChrome.position(s.table, rowCount: s.visible.count, visibleRows: state.listRows(for: .sessions)) {
            title += " · " + position
        }
        // A filter in effect is always visible, even when its field is not on screen.
        let filter = s.filter.isEmpty ? s.appliedFilter : s.filter.text
        if !filter.isEmpty { title += " · " + SafeText.line(filter, width: 40) }
        return title
    }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let inner = PaneChrome.block(title(state), pane: .sessions, state: state, theme: theme, area: area, buffer: &buffer)
        if let detail = state.sessions.detail {
            SessionDetailView.render(detail, state: state, theme: theme, area: inner, buffer: &buffer)
            return
        }
        let s = state.sessions
        if showsFilter(state) {
            PaneChrome.field(
                label: "/ ", input: s.filter, editing: s.editingFilter, placeholder: "",
                theme: theme, row: inner.row(0), buffer: &buffer)
        }
        let tableRect = tableArea(in: area, state: state)
        let columns = columns(state)
        // Rows, none with an auth type: its blank column's room goes to the name.
        let noAuthType = !s.rows.isEmpty && !s.rows.prefix(500).contains { !($0.authType ?? "").isEmpty }
        let shown = state.columnChoice.shown(columns.map(\.title), in: "sessions", primary: "Key", empty: noAuthType ? [1] : [])
        let table = Table(
            columns: columns, rowCount: s.visible.count, state: s.table,
            headerStyle: theme[.header], style: theme[.text], selectionStyle: PaneChrome.selection(.sessions, state: state, theme: theme)
        ) { i in
            row(s.row(atVisible: i), state: state, theme: theme)
        }
        .only(shown)
        table.render(area: tableRect, buffer: &buffer)
        if state.lastPoll(of: .sessions) == nil {
            PaneChrome.beforeFirstPoll(state, pane: .sessions, theme: theme, tableArea: tableRect, buffer: &buffer)
        } else if s.visible.isEmpty {
            let text = s.rows.isEmpty ? "No sessions found" : "No session matches the filter (Esc clears it)"
            PaneChrome.emptyMessage(text, theme: theme, tableArea: tableRect, buffer: &buffer)
        }
    }

    static func row(_ r: SessionRow, state: AppState, theme: Theme) -> TableRow {
        var ttl = "none"
        if let seconds = r.ttl {
            // Counted down from the poll that read it (not the last poll: most polls do not
            // re-read the TTLs), so the column moves between polls and stays true.
            ttl = Formatting.ttl(seconds, readAt: state.sessions.readAt ?? state.now, now: state.now)
        }
        let name = r.field("name").map { state.masked ? Masking.mask($0) : $0 } ?? ""
        return TableRow([
            Line(SafeText.line(r.key, width: 80)),
            Line(SafeText.line(r.authType ?? "", width: 20)),
            Line(SafeText.line(name, width: 40)),
            Line(ttl, style: theme[.muted]),
        ])
    }
}
