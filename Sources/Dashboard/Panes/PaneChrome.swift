/// Pieces every pane draws the same way: the bordered block, the filter row and the message
/// shown in place of an empty list. Stateless; main queue.
enum PaneChrome {
    /// Draws the pane's block and returns the area inside it.
    static func block(
        _ title: String, pane: Pane, state: AppState, theme: Theme,
        area: Rect, buffer: inout ScreenBuffer
    ) -> Rect {
        let focused = state.focus == pane
        var title = title
        // A part the ACL refuses says so where its data would be, not as an empty list.
        for part in DataPart.shown(in: pane) {
            guard let hint = state.notPermitted[part] else { continue }
            title += " · " + (part == .audit ? "last change " : "") + DataPart.notPermitted(hint)
        }
        let block = Block.pane(title: title, focused: focused, theme: theme)
        buffer.fill(area, style: theme[.text])
        block.render(area: area, buffer: &buffer)
        return block.inner(area)
    }

    /// A detail view's lines drawn from `scroll` (clamped to the content): every pane's detail
    /// scrolls the same way.
    static func detail(_ lines: [Line], scroll: Int, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let clamped = min(scroll, max(0, lines.count - area.height))
        Paragraph(lines, wrap: false, scroll: clamped, style: theme[.text]).render(area: area, buffer: &buffer)
    }

    /// What a detail shows while it loads, or when reading `what` failed with `error`.
    static func pending(_ what: String, error: String?, theme: Theme) -> [Line] {
        guard let error else { return [Line("Loading…", style: theme[.muted])] }
        return [
            Line("Could not read this \(what): " + SafeText.line(error, width: 200), style: theme[.error]),
            Line("r retries · Esc goes back", style: theme[.muted]),
        ]
    }

    /// `label` then the field, e.g. `/ rollb` with the cursor block while editing.
    static func field(
        label: String, input: TextInput, editing: Bool, placeholder: String, theme: Theme,
        row: Rect, buffer: inout ScreenBuffer
    ) {
        let (labelArea, fieldArea) = row.splitLeft(TextWidth.of(label))
        Line(label, style: theme[editing ? .titleFocused : .muted]).render(in: labelArea, buffer: &buffer)
        if input.isEmpty && !editing {
            Line(placeholder, style: theme[.muted]).render(in: fieldArea, buffer: &buffer)
        } else {
            let style = editing ? theme[.input] : theme[.text]
            input.render(area: fieldArea, buffer: &buffer, style: style, cursorStyle: Style(reverse: true), focused: editing)
        }
    }

    /// What a pane says before its first data: what failed and what to do when the connection
    /// failed (never "waiting" while nothing is being waited for), else that it is connecting.
    /// `header` rows at the top of `tableArea` are left alone.
    static func beforeFirstPoll(
        _ state: AppState, pane: Pane, theme: Theme, tableArea: Rect, header: Int = 1,
        buffer: inout ScreenBuffer
    ) {
        guard tableArea.height >= header + 1 else { return }
        if case .reconnecting = state.connection(of: pane), let problem = state.connectionProblem(of: pane) {
            let area = Rect(x: tableArea.x, y: tableArea.y + header, width: tableArea.width, height: tableArea.height - header)
            let lines =
                SafeText.wrap(problem, width: max(1, area.width), maxLines: max(1, area.height - 1))
                .map { Line($0, style: theme[.error]) } + [Line("r retries now", style: theme[.muted])]
            Paragraph(lines, wrap: false).render(area: area, buffer: &buffer)
        } else {
            Line("Connecting…", style: theme[.muted]).render(in: tableArea.row(header), buffer: &buffer)
        }
    }

    /// When the panes read different databases, a pane whose database is down or silent says
    /// so on its last inner row (over the last data row; the data above stays, marked stale):
    /// `STALE 12s · reconnecting… connection refused · retry in 3s`. Drawn after the pane, so
    /// no pane has to make room for it; nothing when the pane's database is fine or nothing of
    /// it is shown yet (then `beforeFirstPoll` explains in the pane's place).
    static func linkBanner(_ pane: Pane, state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        guard state.isSplit, state.isStale(pane), let last = state.lastPoll(of: pane) else { return }
        let inner = Block.pane(title: "", focused: false, theme: theme).inner(area)
        guard inner.height >= 2 else { return }
        let age = Formatting.age(max(0, state.now.timeIntervalSince(last)))
        var text: String
        if case .reconnecting(let error, let retryAt) = state.connection(of: pane) {
            let left = max(0, retryAt.timeIntervalSince(state.now))
            let wait = Int(left.rounded(.up))
            if left > 0 { ClockHorizon.note(left - Double(wait - 1)) }
            text = "reconnecting… " + SafeText.line(error, width: 60) + (wait > 0 ? " · retry in \(wait)s" : "")
        } else {
            text = "no answer from its server"
        }
        text = " " + text
        let row = inner.row(inner.height - 1)
        buffer.fill(row, style: theme[.text])
        Line([StatusBar.badge("STALE " + age, style: theme[.badgeStale]), Span(text, style: theme[.error])])
            .render(in: row, buffer: &buffer)
    }

    /// The selected row's style: bright in the focused pane, subdued elsewhere, so one glance
    /// tells which pane the keys go to.
    static func selection(_ pane: Pane, state: AppState, theme: Theme) -> Style {
        state.focus == pane ? theme[.selection] : theme[.muted].patch(Style(underline: true, reverse: true))
    }

    /// `25–36 of 36` when a table has more rows than fit, for the pane's title.
    static func position(_ table: TableState, rowCount: Int, visibleRows: Int) -> String? {
        guard rowCount > visibleRows, visibleRows > 0 else { return nil }
        let top = table.clampedOffset(rowCount: rowCount, visibleRows: visibleRows)
        return "\(Formatting.count(top + 1))–\(Formatting.count(min(rowCount, top + visibleRows))) of \(Formatting.count(rowCount))"
    }

    /// A muted message in the first data row of a list (under its header).
    static func emptyMessage(_ text: String, theme: Theme, tableArea: Rect, buffer: inout ScreenBuffer) {
        guard tableArea.height >= 2 else { return }
        Line(text, style: theme[.muted]).render(in: tableArea.row(1), buffer: &buffer)
    }
}
