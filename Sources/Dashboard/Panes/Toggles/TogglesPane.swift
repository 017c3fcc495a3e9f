import Foundation

/// The Toggles pane: a table of name, state (as text and colour), release, fingerprint,
/// override and last change; rows changed by others flash. Stateless: draws `AppState`.
/// Main queue.
enum TogglesPane {
    /// The table's columns, in the order shown.
    enum Column: CaseIterable {
        case mark, name, state, errors, release, fingerprint, override, lastChange
    }

    /// Widths follow the content (of the first 500 rows), capped; Name takes what is left. When
    /// the columns do not fit `width`, the least urgent give way first — Fingerprint (shrunk, then
    /// hidden), then empty columns, Override and Release, Name last — so State, Errors and Last change, what an incident asks
    /// for, keep their width instead of being cut from the right edge.
    /// Columns hidden with `:columns` are left out first (`all`: keep them, for the chooser).
    static func columns(_ state: AppState, width: Int, all: Bool = false) -> [(Column, TableColumn)] {
        let rows = state.toggles.rows.prefix(500)
        var columns: [(Column, TableColumn)] = [
            (.mark, TableColumn("", width: .fixed(1))),
            (.name, TableColumn("Name", width: .min(TableColumn.fit("Name", rows.map(\.name), floor: 12, cap: 24)))),
            (.state, TableColumn("State", width: .fixed(TableColumn.fit("State", rows.map(\.stateText), cap: 16)))),
        ]
        if state.toggles.ratesLoaded { columns.append((.errors, TableColumn("Errors", width: .fixed(errorsWidth)))) }
        columns += [
            (.release, TableColumn("Release", width: .fixed(TableColumn.fit("Release", rows.map { $0.releaseNum ?? "" }, cap: 10)))),
            (
                .fingerprint,
                TableColumn("Fingerprint", width: .fixed(TableColumn.fit("Fingerprint", rows.map { $0.fingerprint ?? "" }, cap: 22)))
            ),
            (.override, TableColumn("Override", width: .fixed(TableColumn.fit("Override", rows.map { $0.override ?? "" }, cap: 22)))),
            (
                .lastChange,
                TableColumn(
                    "Last change",
                    width: .fixed(
                        TableColumn.fit(
                            "Last change", rows.map { lastChangeText($0, now: state.now) },
                            cap: rows.contains { $0.guardBadge != nil } ? 26 : 20)))
            ),
        ]
        if !all {
            let shown = state.columnChoice.shown(columns.map(\.1.title), in: "toggles", primary: "Name")
            columns = shown.map { columns[$0] }
        }
        // The sorted column's header carries the direction (issue 25): ▲ ascending, ▼ reversed.
        if let i = columns.firstIndex(where: { $0.0 == state.toggles.sort.column }) {
            let title = TableSorting.header(columns[i].1.title, sorted: true, descending: state.toggles.descending)
            columns[i].1.title = title
            switch columns[i].1.width {
            case .fixed(let n): columns[i].1.width = .fixed(max(n, TextWidth.of(title)))
            case .min(let n): columns[i].1.width = .min(max(n, TextWidth.of(title)))
            case .flex: break
            }
        }
        func size(_ c: TableColumn) -> Int {
            switch c.width {
            case .fixed(let n), .min(let n): return n
            case .flex: return 0
            }
        }
        func resize(_ kind: Column, _ n: Int) {
            guard let i = columns.firstIndex(where: { $0.0 == kind }) else { return }
            if case .min = columns[i].1.width { columns[i].1.width = .min(n) } else { columns[i].1.width = .fixed(n) }
        }
        var excess = columns.map { size($0.1) }.reduce(0, +) + (columns.count - 1) - width
        func shrink(_ kind: Column, to floor: Int) {
            guard excess > 0, let column = columns.first(where: { $0.0 == kind })?.1 else { return }
            let cut = min(excess, max(0, size(column) - floor))
            resize(kind, size(column) - cut)
            excess -= cut
        }
        /// Removes `kind` while the columns are too wide; true when it did.
        @discardableResult func drop(_ kind: Column) -> Bool {
            guard excess > 0, let i = columns.firstIndex(where: { $0.0 == kind }) else { return false }
            excess -= size(columns[i].1) + 1
            columns.remove(at: i)
            return true
        }
        shrink(.fingerprint, to: 8)
        // Still too wide: a Fingerprint cut to a few letters says nothing; its space goes to the rest.
        drop(.fingerprint)
        // A column with nothing to show gives way before any text is cut (issue 25): an Errors
        // column with no errors, a Last change column with no change recorded.
        let empty: [Column: Bool] = [
            .errors: !rows.contains { (state.toggles.rates[$0.name]?.count ?? 0) > 0 },
            .lastChange: !rows.contains { $0.lastChange != nil },
            .release: !rows.contains { !($0.releaseNum ?? "").isEmpty },
            .override: !rows.contains { !($0.override ?? "").isEmpty },
        ]
        for kind in [Column.errors, .lastChange, .release, .override] where empty[kind] == true { drop(kind) }
        shrink(.override, to: 8)
        shrink(.release, to: 7)
        // Still too wide: Override goes (the detail shows it) before any name is cut.
        drop(.override)
        // Then Last change shrinks (the detail has it whole), then Release goes.
        let lastChangeWidth = columns.first { $0.0 == .lastChange }.map { size($0.1) } ?? 0
        shrink(.lastChange, to: 8)
        if drop(.release) {
            // Room freed beyond what was needed goes back to Last change, not to the name's slack.
            if let j = columns.firstIndex(where: { $0.0 == .lastChange }) {
                let back = min(-excess, lastChangeWidth - size(columns[j].1))
                if back > 0 {
                    resize(.lastChange, size(columns[j].1) + back)
                    excess += back
                }
            }
        }
        // The row's identity is the last thing cut, only when nothing else can give.
        shrink(.name, to: 12)
        return columns
    }

    /// `1234 ▁▂▅█▇▃`: the count in the window and its sparkline.
    static let errorsWidth = 11

    static func errorsCell(_ rate: ErrorRate?, theme: Theme) -> Line {
        guard let rate, rate.count > 0 else { return Line("") }
        let count = Formatting.count(rate.count)
        let pad = String(repeating: " ", count: max(0, 4 - count.count))
        let head = pad + count + " "
        // The sparkline takes what the count leaves: a storm's `12,000` keeps its newest bars
        // rather than having the column cut them to `…`.
        let sparkWidth = errorsWidth - head.count
        guard sparkWidth > 0 else { return Line([Span(pad + count, style: Style(bold: true))]) }
        return Line([
            Span(head, style: Style(bold: true)),
            Span(Formatting.sparkline(rate.series, width: sparkWidth), style: theme[.sevError]),
        ])
    }

    static func showsFilter(_ state: AppState) -> Bool {
        state.toggles.editingFilter || !state.toggles.filter.isEmpty
    }

    /// The table's rectangle inside the pane at `rect` (below the filter row when shown).
    static func tableArea(in rect: Rect, state: AppState) -> Rect {
        let inner = rect.inset(by: 1)
        return showsFilter(state) ? inner.splitTop(1).1 : inner
    }

    static func title(_ state: AppState) -> String {
        let t = state.toggles
        if let detail = t.detail { return "1 Toggle " + SafeText.line(detail.name, width: 60) }
        var title = "1 Toggles"
        if t.loaded {
            title +=
                t.visible.count == t.rows.count
                ? " \(Formatting.count(t.rows.count))"
                : " \(Formatting.count(t.visible.count))/\(Formatting.count(t.rows.count))"
        }
        // The rows found so far are on screen while the walk goes on: say that it does.
        if let discovery = t.discovery { title += " · " + discovery.label }
        // The 5 s goal for new toggles cannot be met on this keyspace: say what it is.
        if let seconds = t.newToggleFreshness { title += " · new toggles within ~\(Formatting.age(seconds))" }
        if t.sort != .name || t.descending { title += " · " + TableSorting.summary(t.sort.label, descending: t.descending) }
        if t.ratesLoaded {
            title += " · errors \(state.errorWindowLabel)"
            if let counting = state.errors.counting { title += " " + counting.label }
            // The error column's own age, when it lags the rows (issue 23, bug 3).
            if let note = state.errorsAgeNote { title += " " + note }
        }
        if let position = PaneChrome.position(t.table, rowCount: t.visible.count, visibleRows: state.listRows(for: .toggles)) {
            title += " · " + position
        }
        return title
    }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let inner = PaneChrome.block(title(state), pane: .toggles, state: state, theme: theme, area: area, buffer: &buffer)
        if let detail = state.toggles.detail {
            ToggleDetailView.render(detail, state: state, theme: theme, area: inner, buffer: &buffer)
            return
        }
        let t = state.toggles
        if showsFilter(state) {
            PaneChrome.field(
                label: "/ ", input: t.filter, editing: t.editingFilter, placeholder: "",
                theme: theme, row: inner.row(0), buffer: &buffer)
        }
        let tableRect = tableArea(in: area, state: state)
        let columns = columns(state, width: tableRect.width)
        let table = Table(
            columns: columns.map(\.1), rowCount: t.visible.count, state: t.table,
            headerStyle: theme[.header], style: theme[.text], selectionStyle: PaneChrome.selection(.toggles, state: state, theme: theme)
        ) { i in
            row(t.row(atVisible: i), place: t.visible[i], columns: columns, state: state, theme: theme)
        }
        table.render(area: tableRect, buffer: &buffer)
        if !t.loaded {
            PaneChrome.beforeFirstPoll(state, pane: .toggles, theme: theme, tableArea: tableRect, buffer: &buffer)
        } else if t.visible.isEmpty {
            let text = t.rows.isEmpty ? "No toggles found" : "No toggle matches the filter (Esc clears it)"
            PaneChrome.emptyMessage(text, theme: theme, tableArea: tableRect, buffer: &buffer)
        }
    }

    /// The state as text and colour: `ON`, `OFF`, or `?` plus the raw value we cannot read.
    static func stateCell(_ row: ToggleRow, theme: Theme) -> Line {
        switch row.status {
        case .on: return Line(row.stateText, style: theme[.toggleOn])
        case .off: return Line(row.stateText, style: theme[.toggleOff])
        case .unknown: return Line(row.stateText, style: theme[.toggleUnknown])
        }
    }

    /// `alice 2m ago`: `alice@laptop` reads as `alice` (the host rarely matters at a glance; the
    /// detail has it), at most 10 columns of it.
    /// `release-b… 4m ago`. In a column narrower than that, the actor is cut and the age kept
    /// whole: "when" is what the column is read for, and the detail names who.
    static func lastChangeText(_ r: ToggleRow, now: Date, width: Int? = nil) -> String {
        // A guard watching the toggle matters more than when it last moved.
        if let badge = r.guardBadge { return badge.text(now: now) }
        guard let change = r.lastChange else { return "" }
        let who = SafeText.line(change.shortWho, width: 10)
        let age = Formatting.ago(change.time, now: now)
        guard let width, TextWidth.of(who) + 1 + TextWidth.of(age) > width else { return who + " " + age }
        let room = width - TextWidth.of(age) - 1
        return room >= 3 ? SafeText.line(change.shortWho, width: room) + " " + age : age
    }

    /// The table row of `r`, at `place` in `TogglesState.rows`.
    static func row(_ r: ToggleRow, place: Int, columns: [(Column, TableColumn)], state: AppState, theme: Theme) -> TableRow {
        let flashing = state.toggles.isFlashing(place: place, now: state.now)
        let rose = state.toggles.errorsRose(r, now: state.now)
        let cells = columns.map { column -> Line in
            switch column.0 {
            // The `*` says "changed by someone else just now" in text, the colour only repeats it;
            // `!` says its errors rose after its last flip (the detail says how).
            case .mark: return flashing ? Line("*") : rose ? Line("!", style: theme[.sevError]) : Line(" ")
            case .name: return Line(SafeText.line(r.name, width: 80))
            case .state: return stateCell(r, theme: theme)
            case .errors: return errorsCell(state.toggles.rates[r.name], theme: theme)
            case .release: return Line(SafeText.line(r.releaseNum ?? "", width: 12))
            case .fingerprint: return Line(SafeText.line(r.fingerprint ?? "", width: 60))
            case .override: return Line(SafeText.line(r.override ?? "", width: 40))
            case .lastChange:
                let style = r.guardBadge.map { $0.state == .lost ? theme[.sevError] : theme[.sevWarning] } ?? theme[.muted]
                let width: Int? = if case .fixed(let n) = column.1.width { n } else { nil }
                return Line(lastChangeText(r, now: state.now, width: width), style: style)
            }
        }
        return TableRow(cells, style: flashing ? theme[.changedFlash] : .plain)
    }
}
