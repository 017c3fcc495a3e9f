/// The Errors pane's grouped view: one row per error group in the time window — count, last
/// seen (relative), a sparkline over the window, the toggle and the exception (`ExceptionText`).
/// Enter lists a group's members. Stateless: draws `AppState`; main queue.
enum ErrorGroupsTable {
    /// The toggle column fits its names (of the first 500 groups); the exception, the column an
    /// incident is read by, takes the rest.
    /// The sorted column's header carries ▲ or ▼ once the person sorted (issue 25).
    static func columns(_ groups: [ErrorGroupRow], sort: ErrorGroupSort? = nil, descending: Bool = false) -> [TableColumn] {
        // Each header is its sort's `title`: the one spelling `:columns` and `o` go by.
        let title = { (column: ErrorGroupSort) in TableSorting.header(column.title, sorted: sort == column, descending: descending) }
        return [
            // `≥` (members not all read) takes two more cells, only when some row has it.
            TableColumn(
                title(.count), width: .fixed(max(groups.contains { $0.partial } ? 7 : 5, TextWidth.of(title(.count)))),
                alignment: .right),
            TableColumn(title(.last), width: .fixed(7)),
            TableColumn("Trend", width: .fixed(12)),
            TableColumn(
                title(.toggle), width: .fixed(TableColumn.fit(title(.toggle), groups.prefix(500).map(\.toggleName), cap: 24))),
            TableColumn(title(.exception), width: .flex(1)),
        ]
    }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let e = state.errors
        let groups = e.groups ?? []
        let columns = columns(groups, sort: e.groupSort, descending: e.groupDescending)
        let shown = state.columnChoice.shown(columns.map(\.title), in: "error groups", primary: "Toggle")
        let exceptionWidth = Table.columnWidths(shown.map { columns[$0] }, totalWidth: area.width, spacing: 1).last ?? 0
        let table = Table(
            columns: columns, rowCount: groups.count, state: e.groupTable,
            headerStyle: theme[.header], style: theme[.text],
            selectionStyle: PaneChrome.selection(.errors, state: state, theme: theme)
        ) { i in
            let g = groups[i]
            return TableRow([
                Line((g.partial ? "≥" : "") + Formatting.count(g.count), style: Style(bold: true), alignment: .right),
                Line(g.lastSeen.map { Formatting.ago($0, now: state.now) } ?? "—", style: theme[.muted]),
                Line(Formatting.sparkline(g.series, width: 12), style: theme[.sevError]),
                Line(SafeText.line(g.toggleName, width: 60)),
                Line(ExceptionText.cell(exception: g.exception, frame: g.frame, width: exceptionWidth)),
            ])
        }
        .only(shown)
        table.render(area: area, buffer: &buffer)
        if groups.isEmpty {
            PaneChrome.emptyMessage(
                e.range.isSet
                    ? "No errors in the window \(state.errorWindowLabel) (:since clears, v lists all)"
                    : "No errors in the last \(Formatting.window(e.window)) (] widens, v lists all)",
                theme: theme, tableArea: area, buffer: &buffer)
        }
    }
}
