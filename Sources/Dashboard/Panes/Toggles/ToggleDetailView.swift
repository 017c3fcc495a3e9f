import Foundation

/// The detail of one toggle (Enter in Toggles): every field, the rule in words, how many
/// sessions get it now, its audit trail (edits made outside opsdeck marked) and its recent
/// errors (`e` opens them in the Errors pane). Stateless; main queue.
enum ToggleDetailView {
    static func render(
        _ detail: ToggleDetailState, state: AppState, theme: Theme, area: Rect,
        buffer: inout ScreenBuffer
    ) {
        let lines: [Line]
        switch detail {
        case .loading:
            lines = PaneChrome.pending("toggle", error: nil, theme: theme)
        case .failed(_, let error):
            lines = PaneChrome.pending("toggle", error: error, theme: theme)
        case .loaded(let d):
            lines = content(
                d.withUnrecorded(state.toggles.rows.first { $0.name == d.name }?.lastChange),
                state: state, theme: theme, width: area.width)
        }
        PaneChrome.detail(lines, scroll: state.toggles.detailScroll, theme: theme, area: area, buffer: &buffer)
    }

    static func content(_ d: ToggleDetail, state: AppState, theme: Theme, width: Int) -> [Line] {
        let label = theme[.muted]
        let header = theme[.header]
        var lines: [Line] = []
        lines.append(Line([Span("Rule      ", style: label), Span(SafeText.line(d.rule, width: max(1, width - 10)))]))
        lines.append(
            Line([
                Span("Sessions  ", style: label),
                Span(
                    d.undecided
                        ? "none get a decision: the value is neither on nor off (\(Formatting.count(d.totalSessions)) sessions)"
                        : "\(Formatting.count(d.reached)) of \(Formatting.count(d.totalSessions)) get it now"),
            ]))
        lines.append(Line([Span("Key       ", style: label), Span(SafeText.line(d.key, width: max(1, width - 10)))]))
        if let badge = state.toggles.rows.first(where: { $0.name == d.name })?.guardBadge {
            let style = badge.state == .lost ? theme[.sevError] : theme[.sevWarning]
            lines.append(
                Line([
                    Span("Guard     ", style: label),
                    Span(SafeText.line(badge.detail(now: state.now), width: max(1, width - 10)), style: style),
                ]))
        }
        lines.append("")
        lines.append(Line("Fields", style: header))
        let nameWidth = min(20, d.fields.map { TextWidth.of($0.name) }.max() ?? 0)
        for field in d.fields {
            let name = SafeText.line(field.name, width: nameWidth)
            let pad = String(repeating: " ", count: max(0, nameWidth - TextWidth.of(name)))
            lines.append(
                Line([
                    Span("  " + name + pad + "  ", style: label),
                    Span(SafeText.line(field.value, width: max(1, width - nameWidth - 4))),
                ]))
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
            let text =
                "  \(when) (\(ago))  \(SafeText.line(entry.who, width: 60))  "
                + "\(SafeText.line(entry.old, width: 12)) → \(SafeText.line(entry.new, width: 12))"
            // The reason whole: on the line when it fits, else wrapped under it (at 120
            // columns it was cut, issue 25).
            let quoted = entry.reason.map { "“" + SafeText.line($0, width: 400) + "”" }
            if let quoted, TextWidth.of(text) + 2 + TextWidth.of(quoted) <= width {
                lines.append(Line(text + "  " + quoted))
                continue
            }
            lines.append(Line(text))
            if let reason = entry.reason {
                let wrapped = SafeText.wrap("“" + reason + "”", width: max(10, width - 6), maxLines: 12)
                lines += wrapped.map { Line("      " + $0, style: label) }
            }
        }
        lines.append("")
        lines += ToggleTimeline.lines(
            d, rate: state.toggles.rates[d.name], ratesLoaded: state.toggles.ratesLoaded, counting: state.errors.counting,
            window: state.errors.window, range: state.errors.range, timeZone: state.timeZone, now: state.now,
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
            lines.append(
                Line([
                    Span("  " + time + "  ", style: label),
                    Span(ExceptionText.cell(exception: row.firstLine, frame: row.frame, width: max(1, width - 20))),
                ]))
        }
        lines.append("")
        lines.append(
            Line(
                "Row markers: " + HelpOverlay.markers.map { "\($0.0) \($0.1.lowercased())" }.joined(separator: " · "),
                style: label))
        return lines
    }
}
