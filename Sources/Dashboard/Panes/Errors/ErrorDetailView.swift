/// One error in full: its fields, then the whole exception body wrapped and scrollable, with
/// the searched words highlighted. Stateless; main queue.
enum ErrorDetailView {
    static func render(
        _ r: ErrorRow, terms: [String], state: AppState, theme: Theme, area: Rect,
        buffer: inout ScreenBuffer
    ) {
        guard !area.isEmpty else { return }
        let label = theme[.muted]
        let hl = theme[.highlight]
        var lines: [Line] = []
        let time = r.time.map { Formatting.shortDateTime($0, in: state.timeZone) } ?? "unknown"
        lines.append(Line([Span("Time         ", style: label), Span(time)]))
        lines.append(
            Line(
                [Span("Toggle       ", style: label)]
                    + Line.highlighting(SafeText.line(r.toggleName, width: 80), terms: terms, highlight: hl).spans
                    + [Span(" = " + SafeText.line(r.toggleValue, width: 30), style: label)]))
        lines.append(
            Line(
                [Span("Fingerprint  ", style: label)]
                    + Line.highlighting(SafeText.line(r.fingerprint, width: 200), terms: terms, highlight: hl).spans))
        lines.append(Line("t jumps to the toggle · j/k scroll · Esc back", style: label))
        lines.append("")
        for text in SafeText.wrap(r.body, width: area.width, maxLines: 2_000) {
            lines.append(Line.highlighting(text, terms: terms, highlight: hl))
        }
        PaneChrome.detail(lines, scroll: state.errors.detailScroll, theme: theme, area: area, buffer: &buffer)
    }
}
