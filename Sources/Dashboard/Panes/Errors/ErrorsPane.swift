import Foundation

/// The Errors pane: the search box, a summary row (total, backend, notice), the results with
/// matched words highlighted, and the counts per toggle at the side; or one error's detail.
/// Stateless: draws `AppState`. Main queue.
enum ErrorsPane {
    struct Areas {
        var search: Rect
        var info: Rect
        var table: Rect
        /// A side list when wide, else one footer row.
        var counts: Rect
        var countsAsFooter: Bool
    }

    static let countsWidth = 24

    static func areas(in rect: Rect, state: AppState) -> Areas {
        let inner = rect.inset(by: 1)
        let (search, rest) = inner.splitTop(1)
        let (info, body) = rest.splitTop(1)
        // Counts go beside the results only when the results keep a readable width; else
        // they shrink to one footer row, so the exception text keeps its room.
        if body.width >= 100 {
            let (table, side) = body.splitLeft(body.width - countsWidth - 1)
            return Areas(
                search: search, info: info, table: table,
                counts: Rect(x: side.x + 1, y: side.y, width: side.width - 1, height: side.height),
                countsAsFooter: false)
        }
        // The footer takes the rows its entries need (styles do not change how many).
        let rows = ErrorCountsFooter.lines(sortedCounts(state.errors.counts), width: body.width, theme: .dark).count
        let (table, footer) = body.splitBottom(min(rows, max(1, body.height / 3)))
        return Areas(search: search, info: info, table: table, counts: footer, countsAsFooter: true)
    }

    /// Toggle and Fingerprint fit their values (of the first 500 rows); the exception takes the rest.
    /// The sorted column's header carries ▲ or ▼ once the person sorted (issue 25).
    static func columns(_ rows: [ErrorRow], sort: ErrorRowSort? = nil, descending: Bool = false) -> [TableColumn] {
        let sample = rows.prefix(500)
        // Each header is its sort's `title`: the one spelling `:columns` and `o` go by.
        let title = { (column: ErrorRowSort) in TableSorting.header(column.title, sorted: sort == column, descending: descending) }
        return [
            TableColumn(title(.when), width: .fixed(9)),
            TableColumn(title(.toggle), width: .fixed(TableColumn.fit(title(.toggle), sample.map(\.toggleName), cap: 24))),
            TableColumn(
                title(.fingerprint), width: .fixed(TableColumn.fit(title(.fingerprint), sample.map(\.fingerprint), cap: 20))),
            TableColumn(title(.exception), width: .flex(1)),
        ]
    }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let e = state.errors
        var title = "3 Errors"
        if let detail = e.detail {
            title += " · " + SafeText.line(detail.id, width: 60)
        } else {
            // `3 Errors (last 15m, 2 groups)`: `3 Errors · ` is the detail's title.
            // A search spans every record, not the window: said so (issue 23, bug 4).
            let searchShown = !e.showsGroups && e.openGroup == nil && !(e.result?.query.isEmpty ?? true)
            let all = e.range.isSet ? "search: " + state.errorWindowLabel : "search: all time"
            var parts = [searchShown ? all : state.errorWindowLabel]
            if let group = e.openGroup {
                parts.append("group of \(Formatting.count(group.count)), Esc back")
            } else if e.showsGroups, let groups = e.groups {
                parts.append("\(Formatting.count(groups.count)) group" + (groups.count == 1 ? "" : "s"))
            }
            if let sorted = e.sortSummary { parts.append(sorted) }
            if let counting = e.counting { parts.append(counting.label) }
            if e.windowTruncated { parts.append("≥: not all read") }
            // Its own age, when it lags the poll: the status bar's is the oldest pane's.
            if let note = state.errorsAgeNote { parts.append(note) }
            title += " (" + parts.joined(separator: ", ") + ")"
        }
        let inner = PaneChrome.block(title, pane: .errors, state: state, theme: theme, area: area, buffer: &buffer)
        if let detail = e.detail {
            ErrorDetailView.render(
                detail, terms: e.result?.terms ?? [], state: state, theme: theme,
                area: inner, buffer: &buffer)
            return
        }
        let a = areas(in: area, state: state)
        PaneChrome.field(
            label: "Search: ", input: e.query, editing: e.editingQuery,
            placeholder: "/ to search by toggle, developer or exception text",
            theme: theme, row: a.search, buffer: &buffer)
        infoLine(e, now: state.now, theme: theme).render(in: a.info, buffer: &buffer)
        if e.showsGroups {
            ErrorGroupsTable.render(state, theme: theme, area: a.table, buffer: &buffer)
        } else {
            renderErrors(state, theme: theme, area: a.table, buffer: &buffer)
        }
        renderCounts(e.counts, asFooter: a.countsAsFooter, theme: theme, area: a.counts, buffer: &buffer)
    }

    /// One row per error: when (relative), toggle, fingerprint and the exception (`ExceptionText`).
    static func renderErrors(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let e = state.errors
        let terms = e.result?.terms ?? []
        let rows = e.rows
        let hl = theme[.highlight]
        let columns = columns(rows, sort: e.rowSort, descending: e.rowDescending)
        // Rows, none with a fingerprint: its blank column's room goes to the exception (an
        // empty list keeps every header, saying what would be there).
        let noFingerprint = !rows.isEmpty && !rows.prefix(500).contains { !$0.fingerprint.isEmpty }
        let shown = state.columnChoice.shown(columns.map(\.title), in: "errors", primary: "Toggle", empty: noFingerprint ? [2] : [])
        let exceptionWidth = Table.columnWidths(shown.map { columns[$0] }, totalWidth: area.width, spacing: 1).last ?? 0
        let table = Table(
            columns: columns, rowCount: rows.count, state: e.table,
            headerStyle: theme[.header], style: theme[.text], selectionStyle: PaneChrome.selection(.errors, state: state, theme: theme)
        ) { i in
            let r = rows[i]
            let exception = ExceptionText.cell(
                exception: r.firstLine, frame: r.frame, body: r.body, terms: terms,
                width: exceptionWidth)
            return TableRow([
                Line(r.time.map { Formatting.ago($0, now: state.now) } ?? "—", style: theme[.muted]),
                Line.highlighting(SafeText.line(r.toggleName, width: 60), terms: terms, highlight: hl),
                Line.highlighting(SafeText.line(r.fingerprint, width: 60), terms: terms, highlight: hl),
                Line.highlighting(exception, terms: terms, highlight: hl),
            ])
        }
        .only(shown)
        table.render(area: area, buffer: &buffer)
        if state.lastPoll(of: .errors) == nil && e.result == nil {
            PaneChrome.beforeFirstPoll(state, pane: .errors, theme: theme, tableArea: area, buffer: &buffer)
        } else if e.result != nil && rows.isEmpty {
            PaneChrome.emptyMessage("No error matches", theme: theme, tableArea: area, buffer: &buffer)
        }
    }

    /// `searching…`, the failure, or `2 of 14 · RediSearch 1.x · notice`.
    static func infoLine(_ e: ErrorsState, now: Date, theme: Theme) -> Line {
        if e.searching { return Line("searching…", style: theme[.muted]) }
        if let error = e.searchError { return Line(SafeText.line(error, width: 200), style: theme[.error]) }
        guard let r = e.result else { return Line("Enter runs the search; words are matched, symbols ignored", style: theme[.muted]) }
        // No query yet: the poller's list of the newest errors.
        let summary =
            r.query.isEmpty
            ? "latest \(Formatting.count(r.rows.count)) of \(Formatting.count(r.total)) errors"
            : r.total == r.rows.count
                ? "\(Formatting.count(r.total)) found"
                : "\(Formatting.count(r.rows.count)) of \(Formatting.count(r.total)) found"
        var spans = [Span(summary)]
        if !r.query.isEmpty && e.newSinceSearch > 0 {
            spans.append(Span(" · \(Formatting.count(e.newSinceSearch)) new", style: theme[.highlight]))
        }
        // The pane's own age: the status bar's is the poll's, not this list's.
        if let checked = e.checkedAt {
            let age = max(0, now.timeIntervalSince(checked))
            spans.append(
                Span(
                    " · " + (age < 2 ? "current" : "as of " + Formatting.age(age) + " ago"),
                    style: age < 2 ? theme[.muted] : theme[.sevWarning]))
        }
        spans.append(Span(" · " + SafeText.line(r.backendLabel, width: 30), style: theme[.muted]))
        if let notice = r.notice { spans.append(Span(" · " + SafeText.line(notice, width: 120), style: theme[.muted])) }
        return Line(spans)
    }

    static func renderCounts(
        _ counts: [ToggleCount], asFooter: Bool, theme: Theme, area: Rect,
        buffer: inout ScreenBuffer
    ) {
        guard !area.isEmpty else { return }
        let sorted = sortedCounts(counts)
        if asFooter {
            for (i, line) in ErrorCountsFooter.lines(sorted, width: area.width, theme: theme).prefix(area.height).enumerated() {
                line.render(in: area.row(i), buffer: &buffer)
            }
            return
        }
        let table = Table(
            columns: [TableColumn("Per toggle", width: .flex(1)), TableColumn("#", width: .fixed(5), alignment: .right)],
            rowCount: sorted.count, headerStyle: theme[.header], style: theme[.text]
        ) { i in
            TableRow([Line(SafeText.line(sorted[i].toggle, width: 40)), Line(Formatting.count(sorted[i].count))])
        }
        table.render(area: area, buffer: &buffer)
    }

    /// Most errors first, then by name: the side list's and the footer's order.
    static func sortedCounts(_ counts: [ToggleCount]) -> [ToggleCount] {
        counts.sorted { $0.count != $1.count ? $0.count > $1.count : $0.toggle < $1.toggle }
    }
}
