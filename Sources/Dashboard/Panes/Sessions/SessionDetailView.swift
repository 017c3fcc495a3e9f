/// The detail of one session: every field (e-mail and phone masked unless revealed), a live
/// TTL countdown, and every toggle evaluated for it with the reason. Stateless; main queue.
enum SessionDetailView {
    static func render(
        _ detail: SessionDetailState, state: AppState, theme: Theme, area: Rect,
        buffer: inout ScreenBuffer
    ) {
        let lines: [Line]
        switch detail {
        case .loading:
            lines = PaneChrome.pending("session", error: nil, theme: theme)
        case .failed(_, let error):
            lines = PaneChrome.pending("session", error: error, theme: theme)
        case .loaded(let d):
            lines = content(d, state: state, theme: theme, width: area.width)
        }
        PaneChrome.detail(lines, scroll: state.sessions.detailScroll, theme: theme, area: area, buffer: &buffer)
    }

    static func content(_ d: SessionDetail, state: AppState, theme: Theme, width: Int) -> [Line] {
        var lines: [Line] = []
        let label = theme[.muted]
        var ttl = "no expiry"
        if let seconds = d.session.ttl {
            ttl = Formatting.ttl(seconds, readAt: d.fetchedAt, now: state.now)
        }
        lines.append(Line([Span("TTL  ", style: label), Span(ttl)]))
        let maskNote = state.masked ? "e-mail and phone masked, m reveals" : "values revealed, m masks"
        lines.append(Line([Span("Fields ", style: theme[.header]), Span(" (\(maskNote))", style: label)]))
        let nameWidth = min(20, d.session.fields.map { TextWidth.of($0.name) }.max() ?? 0)
        for f in d.session.fields {
            let value = state.masked ? Masking.mask(f.value) : f.value
            let name = SafeText.line(f.name, width: nameWidth)
            let pad = String(repeating: " ", count: max(0, nameWidth - TextWidth.of(name)))
            lines.append(
                Line([
                    Span("  " + name + pad + "  ", style: label),
                    Span(SafeText.line(value, width: max(1, width - nameWidth - 4))),
                ]))
        }
        lines.append("")
        lines.append(Line("Toggles for this session", style: theme[.header]))
        if d.decisions.isEmpty { lines.append(Line("  (no toggles)", style: label)) }
        let toggleWidth = min(30, d.decisions.map { TextWidth.of($0.toggle) }.max() ?? 0)
        for decision in d.decisions {
            let (text, role): (String, ThemeRole) =
                switch decision.enabled {
                case true?: ("ON ", .toggleOn)
                case false?: ("OFF", .toggleOff)
                case nil: ("?  ", .toggleUnknown)
                }
            let name = SafeText.line(decision.toggle, width: toggleWidth)
            let pad = String(repeating: " ", count: max(0, toggleWidth - TextWidth.of(name)))
            lines.append(
                Line([
                    Span("  "), Span(text, style: theme[role]), Span("  " + name + pad + "  "),
                    Span(SafeText.line(decision.reason, width: 80), style: label),
                ]))
        }
        return lines
    }
}
