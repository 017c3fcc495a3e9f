import Foundation

/// The detail of one toggle (Enter in Toggles): every field, the rule in words, how many
/// sessions get it now, its audit trail (edits made outside opsdeck marked) and its recent
/// errors (`e` opens them in the Errors pane). Stateless; main queue.
enum ToggleDetailView {
    static func render(_ detail: ToggleDetailState, state: AppState, theme: Theme, area: Rect,
                       buffer: inout ScreenBuffer) {
        let lines: [Line]
        switch detail {
        case .loading:
            lines = PaneChrome.pending("toggle", error: nil, theme: theme)
        case .failed(_, let error):
            lines = PaneChrome.pending("toggle", error: error, theme: theme)
        case .loaded(let d):
            lines = content(d.withUnrecorded(state.toggles.rows.first { $0.name == d.name }?.lastChange),
                            state: state, theme: theme, width: area.width)
        }
        PaneChrome.detail(lines, scroll: state.toggles.detailScroll, theme: theme, area: area, buffer: &buffer)
    }

    static func content(_ d: ToggleDetail, state: AppState, theme: Theme, width: Int) -> [Line] {
        let label = theme[.muted]
        let header = theme[.header]
        var lines: [Line] = []
        lines.append(Line([Span("Rule      ", style: label), Span(SafeText.line(d.rule, width: max(1, width - 10)))]))
        lines.append(Line([Span("Sessions  ", style: label),
                           Span(d.undecided ? "none get a decision: the value is neither on nor off (\(Formatting.count(d.totalSessions)) sessions)"
                                : "\(Formatting.count(d.reached)) of \(Formatting.count(d.totalSessions)) get it now")]))
        lines.append(Line([Span("Key       ", style: label), Span(SafeText.line(d.key, width: max(1, width - 10)))]))
        if let badge = state.toggles.rows.first(where: { $0.name == d.name })?.guardBadge {
            let style = badge.state == .lost ? theme[.sevError] : theme[.sevWarning]
            lines.append(Line([Span("Guard     ", style: label), Span(SafeText.line(badge.detail(now: state.now), width: max(1, width - 10)), style: style)]))
        }
        lines.append("")
        lines.append(Line("Fields", style: header))
        let nameWidth = min(20, d.fields.map { TextWidth.of($0.name) }.max() ?? 0)
        for field in d.fields {
            let name = SafeText.line(field.name, width: nameWidth)
            let pad = String(repeating: " ", count: max(0, nameWidth - TextWidth.of(name)))
            lines.append(Line([Span("  " + name + pad + "  ", style: label),
                               Span(SafeText.line(field.value, width: max(1, width - nameWidth - 4)))]))
        }
        lines.append("")
        lines.append(Line("Changes (audit trail, newest first)", style: header))
        if let outside = d.outsideChange {
            lines.append(Line("  " + SafeText.line(outside, width: max(1, width - 2)), style: theme[.sevWarning]))
        }
        if d.history.isEmpty { lines.append(Line("  no flips recorded by opsdeck", style: label)) }
        for entry in d.history.prefix(20) {
            let when = Formatting.shortDateTime(entry.time, in: state.timeZone)
            let ago = Formatting.age(max(0, state.now.timeIntervalSince(entry.time))) + " ago"
            var text = "  \(when) (\(ago))  \(SafeText.line(entry.who, width: 60))  "
                + "\(SafeText.line(entry.old, width: 12)) → \(SafeText.line(entry.new, width: 12))"
            if let reason = entry.reason { text += "  “" + SafeText.line(reason, width: 60) + "”" }
            lines.append(Line(text))
        }
        lines.append("")
        lines += ToggleTimeline.lines(d, rate: state.toggles.rates[d.name], ratesLoaded: state.toggles.ratesLoaded,
                                      window: state.errors.window, now: state.now,
                                      theme: theme, width: width)
        if let flip = d.history.first, state.toggles.rates[d.name]?.rose(after: flip.time, now: state.now) == true {
            lines.append(Line("  ! its errors rose after its last flip", style: theme[.sevError]))
        }
        lines.append("")
        var errorsTitle = "Errors"
        // All time, said so: beside the timeline's window count it once read as a disagreement (bug 5).
        if let count = d.errorCount { errorsTitle += " · \(Formatting.count(count)) recorded, all time" }
        lines.append(Line([Span(errorsTitle, style: header), Span("  (e opens them in Errors)", style: label)]))
        if let note = d.errorsNote { lines.append(Line("  " + SafeText.line(note, width: max(1, width - 2)), style: label)) }
        if d.errorCount == 0 { lines.append(Line("  none", style: label)) }
        for row in d.recentErrors.prefix(5) {
            let time = row.time.map { Formatting.shortDateTime($0, in: state.timeZone) } ?? "—"
            lines.append(Line([Span("  " + time + "  ", style: label),
                               Span(ExceptionText.cell(exception: row.firstLine, frame: row.frame, width: max(1, width - 20)))]))
        }
        return lines
    }
}
