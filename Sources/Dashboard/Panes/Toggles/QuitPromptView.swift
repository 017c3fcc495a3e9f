/// The question drawn over the panes on quitting while this dashboard runs guards
/// (`QuitPrompt`): which guards, and the three answers. Stateless; main queue.
enum QuitPromptView {
    static func lines(_ prompt: QuitPrompt, state: AppState, theme: Theme) -> [Line] {
        let base = theme[.dialog]
        let count = state.ownGuards.count
        var lines = [Line("This dashboard runs \(count) guard\(count == 1 ? "" : "s"):", style: base.bolded())]
        for (name, own) in state.ownGuards.sorted(by: { $0.key < $1.key }).prefix(5) {
            let minutes = Int((max(0, own.ends.timeIntervalSince(state.now)) / 60).rounded(.up))
            lines.append(
                Line("  " + SafeText.line(name, width: 30) + " · \(minutes)m left · " + SafeText.line(own.rule, width: 40)))
        }
        if count > 5 { lines.append(Line("  and \(count - 5) more")) }
        lines.append("")
        switch prompt.phase {
        case .asking:
            lines += [
                Line("k  keep running headless: a detached opsdeck takes each guard over"),
                Line("c  cancel: the guards end without reverting (audited)"),
                Line("Esc  stay    q  quit anyway: nobody watches; shown as lost", style: base.patch(theme[.muted])),
            ]
        case .releasing(let headless):
            lines.append(Line(headless ? "Handing the guards over…" : "Cancelling the guards…"))
        }
        return lines
    }

    static func render(_ prompt: QuitPrompt, state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let width = min(72, max(0, area.width - 2))
        let rows = lines(prompt, state: state, theme: theme)
        let box = area.centered(width: width, height: rows.count + 2)
        let block = Block(
            title: "Quit with guards running", borderStyle: theme[.dialog].patch(theme[.dialogBorder]),
            titleStyle: theme[.dialog].patch(theme[.titleFocused]), padding: (0, 1, 0, 1),
            clear: true, fillStyle: theme[.dialog])
        block.render(area: box, buffer: &buffer)
        let inner = block.inner(box)
        for (i, line) in rows.enumerated() where i < inner.height {
            line.render(in: inner.row(i), buffer: &buffer, base: theme[.dialog])
        }
    }
}
