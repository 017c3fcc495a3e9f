/// The Logs pane: the merged tail, newest at the bottom, coloured by severity with the
/// severity also as text; a marker where entries may be missing; the filter row. Stateless:
/// draws `AppState`. Main queue.
enum LogsPane {
    struct Areas {
        var filter: Rect
        var lines: Rect
    }

    static func showsFilter(_ state: AppState) -> Bool {
        state.logs.editingFilter || !state.logs.filterInput.isEmpty
    }

    static func areas(in rect: Rect, state: AppState) -> Areas {
        let inner = rect.inset(by: 1)
        guard showsFilter(state) else { return Areas(filter: .zero, lines: inner) }
        let (filter, lines) = inner.splitTop(1)
        return Areas(filter: filter, lines: lines)
    }

    static func title(_ state: AppState) -> String {
        let l = state.logs
        if let detail = l.detail { return "4 Log line · " + SafeText.line(detail.source, width: 40) }
        var title = "4 Logs"
        if l.minLevel > .debug { title += " · \(l.minLevel.name)+" }
        if l.wrap { title += " · wrapped" }
        if l.paused { title += " · PAUSED · \(Formatting.count(l.newWhilePaused)) new (p resumes)" }
        return title
    }

    static func render(_ state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let inner = PaneChrome.block(title(state), pane: .logs, state: state, theme: theme, area: area, buffer: &buffer)
        if let detail = state.logs.detail {
            LogDetailView.render(detail, state: state, theme: theme, area: inner, buffer: &buffer)
            return
        }
        let a = areas(in: area, state: state)
        let l = state.logs
        if showsFilter(state) {
            PaneChrome.field(
                label: "/ ", input: l.filterInput, editing: l.editingFilter, placeholder: "",
                theme: theme, row: a.filter, buffer: &buffer)
        }
        let entries = l.filtered
        if entries.isEmpty && state.lastPoll(of: .logs) == nil {
            PaneChrome.beforeFirstPoll(state, pane: .logs, theme: theme, tableArea: a.lines, header: 0, buffer: &buffer)
            return
        }
        if entries.isEmpty {
            let text = l.entries.isEmpty ? "No log lines yet" : "No line matches the filter (Esc clears it)"
            Line(text, style: theme[.muted]).render(in: a.lines.row(0), buffer: &buffer)
            return
        }
        let bottom = max(0, entries.count - l.scrollBack)
        let top = max(0, bottom - a.lines.height)
        // Sized to the sources on screen (a handful), up to 20 columns.
        let sourceWidth = TableColumn.fit(
            "",
            entries[top..<bottom].compactMap { entry -> String? in
                if case .line(let line) = entry { return line.source }
                return nil
            }, cap: 20)
        let filter = l.filter
        var rows = entries[top..<bottom].map {
            line($0, sourceWidth: sourceWidth, highlight: filter.text, state: state, theme: theme)
        }
        if l.wrap {
            // Wrapped, the newest entries take as many rows as they need, from the bottom up.
            var wrapped: [Line] = []
            for row in rows.reversed() {
                wrapped.insert(contentsOf: Paragraph([row]).layout(width: a.lines.width), at: 0)
                if wrapped.count >= a.lines.height { break }
            }
            rows = Array(wrapped.suffix(a.lines.height))
        }
        for (i, row) in rows.enumerated() { row.render(in: a.lines.row(i), buffer: &buffer) }
    }

    static func line(_ entry: TailEntry, sourceWidth: Int, highlight: String, state: AppState, theme: Theme) -> Line {
        switch entry {
        case .lost(let count, let estimate):
            return Line(
                "⋯ \(estimate ? "~" : "")\(Formatting.count(count)) entries may be missing between polls",
                style: theme[.sevWarning])
        case .line(let log):
            let style = theme[log.severity.themeRole]
            let time = log.timestamp.map { Formatting.clock($0, in: state.timeZone) } ?? "--:--:--"
            let source = SafeText.line(log.source, width: sourceWidth)
            let pad = String(repeating: " ", count: max(0, sourceWidth - TextWidth.of(source)))
            var spans = [
                Span(time + " ", style: theme[.muted]), Span(log.severity.label, style: style),
                Span(" " + source + pad + " ", style: theme[.muted]),
            ]
            let message = SafeText.line(log.message, width: 400)
            // Debug and info stay in the text colour so warnings and errors stand out; a critical
            // line has its badge and bold error text, not a red background across the pane.
            let messageStyle =
                log.severity == .critical
                ? theme[.sevError].patch(Style(bold: true))
                : log.severity >= .warning ? style : theme[.text]
            spans += Line.highlighting(message, terms: [highlight], base: messageStyle, highlight: theme[.highlight]).spans
            return Line(spans)
        }
    }
}
