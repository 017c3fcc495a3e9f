/// One log line whole (Enter in Logs): time, severity, source, and the message wrapped to the
/// pane, then the entry exactly as stored. Stateless; main queue.
enum LogDetailView {
    static func render(_ line: LogLine, state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        guard area.width > 0 else { return }
        let label = theme[.muted]
        let time = line.timestamp.map { Formatting.shortDateTime($0, in: state.timeZone) } ?? "no timestamp"
        var lines: [Line] = [
            Line([Span("Time      ", style: label), Span(time)]),
            Line([Span("Severity  ", style: label), Span(line.severity.label, style: theme[line.severity.themeRole])]),
            Line([Span("Source    ", style: label), Span(SafeText.line(line.source, width: max(1, area.width - 10)))]),
            "",
        ]
        lines += SafeText.wrap(line.message, width: area.width, maxLines: 500).map { Line($0) }
        lines.append("")
        lines.append(Line("As stored", style: theme[.header]))
        lines += SafeText.wrap(line.raw, width: area.width, maxLines: 200).map { Line($0, style: label) }
        lines.append("")
        lines.append(Line("j/k scroll · Esc back to the tail", style: label))
        PaneChrome.detail(lines, scroll: state.logs.detailScroll, theme: theme, area: area, buffer: &buffer)
    }
}
