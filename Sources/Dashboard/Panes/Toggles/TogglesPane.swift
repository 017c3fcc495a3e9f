/// The Toggles pane: a table of name, state (as text and colour), release, fingerprint,
/// override and last change; rows changed by others flash. Stateless: draws `AppState`.
/// Main queue.
enum TogglesPane {
    /// Widths follow the content (of the first 500 rows), capped; Name takes what is left.
    static func columns(_ state: AppState) -> [TableColumn] {
        let rows = state.toggles.rows.prefix(500)
        return [
            TableColumn("", width: .fixed(1)),
            TableColumn("Name", width: .min(TableColumn.fit("Name", rows.map(\.name), floor: 12, cap: 24))),
            TableColumn("State", width: .fixed(7)),
        ] + (state.toggles.ratesLoaded ? [TableColumn("Errors", width: .fixed(errorsWidth))] : []) + [
            TableColumn("Release", width: .fixed(TableColumn.fit("Release", rows.map { $0.releaseNum ?? "" }, cap: 10))),
            TableColumn("Fingerprint", width: .fixed(TableColumn.fit("Fingerprint", rows.map { $0.fingerprint ?? "" }, cap: 22))),
            TableColumn("Override", width: .fixed(TableColumn.fit("Override", rows.map { $0.override ?? "" }, cap: 22))),
            TableColumn("Last change", width: .fixed(16)),
        ]
    }

    /// `1234 ▁▂▅█▇▃`: the count in the window and its sparkline.
    static let errorsWidth = 11

    static func errorsCell(_ rate: ErrorRate?, theme: Theme) -> Line {
        guard let rate, rate.count > 0 else { return Line("") }
        let count = Formatting.count(rate.count)
        let pad = String(repeating: " ", count: max(0, 4 - count.count))
        return Line([Span(pad + count + " ", style: Style(bold: true)),
                     Span(Formatting.sparkline(rate.series, width: errorsWidth - 5), style: theme[.sevError])])
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
            title += t.visible.count == t.rows.count ? " \(Formatting.count(t.rows.count))"
                : " \(Formatting.count(t.visible.count))/\(Formatting.count(t.rows.count))"
        }
        // The rows found so far are on screen while the walk goes on: say that it does.
        if let discovery = t.discovery { title += " · " + discovery.label }
        if t.sort != .name { title += " · by \(t.sort.label)" }
        if t.ratesLoaded { title += " · errors last \(Formatting.window(state.errors.window))" }
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
            PaneChrome.field(label: "/ ", input: t.filter, editing: t.editingFilter, placeholder: "",
                             theme: theme, row: inner.row(0), buffer: &buffer)
        }
        let tableRect = tableArea(in: area, state: state)
        let table = Table(columns: columns(state), rowCount: t.visible.count, state: t.table,
                          headerStyle: theme[.header], style: theme[.text], selectionStyle: PaneChrome.selection(.toggles, state: state, theme: theme)) { i in
            row(t.row(atVisible: i), state: state, theme: theme)
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
        case .on: return Line("ON", style: theme[.toggleOn])
        case .off: return Line("OFF", style: theme[.toggleOff])
        case .unknown: return Line("?" + SafeText.line(row.rawValue, width: 6), style: theme[.toggleUnknown])
        }
    }

    static func row(_ r: ToggleRow, state: AppState, theme: Theme) -> TableRow {
        let flashing = state.toggles.isFlashing(r.name, now: state.now)
        var last = ""
        if let change = r.lastChange {
            // `alice@laptop` reads as `alice`: the host rarely matters at a glance; history has it.
            let who = change.actor.split(separator: "@", maxSplits: 1).first.map(String.init) ?? change.actor
            last = SafeText.line(who, width: 8) + " " + Formatting.ago(change.time, now: state.now)
        }
        let rose = state.toggles.errorsRose(r, now: state.now)
        // The `*` says "changed by someone else just now" in text, the colour only repeats it;
        // `!` says its errors rose after its last flip (the detail says how).
        return TableRow([
            flashing ? Line("*") : rose ? Line("!", style: theme[.sevError]) : Line(" "),
            Line(SafeText.line(r.name, width: 80)),
            stateCell(r, theme: theme),
        ] + (state.toggles.ratesLoaded ? [errorsCell(state.toggles.rates[r.name], theme: theme)] : []) + [
            Line(SafeText.line(r.releaseNum ?? "", width: 12)),
            Line(SafeText.line(r.fingerprint ?? "", width: 60)),
            Line(SafeText.line(r.override ?? "", width: 40)),
            Line(last, style: theme[.muted]),
        ], style: flashing ? theme[.changedFlash] : .plain)
    }
}
