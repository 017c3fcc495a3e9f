/// The flip confirmation drawn over the panes: toggle, old → new, blast radius, the reason
/// field, the production name field, and the outcome of a conflict or failure. Stateless;
/// main queue.
enum FlipDialogView {
    enum Row {
        case text(Line)
        case input(TextInput, focused: Bool)
    }

    static func rows(_ d: FlipDialog, state: AppState, theme: Theme, width: Int) -> (rows: [Row], hint: String) {
        let base = theme[.dialog]
        let name = SafeText.line(d.toggle, width: width)
        let oldRole: ThemeRole = d.turnsOn ? .toggleOff : .toggleOn
        let newRole: ThemeRole = d.turnsOn ? .toggleOn : .toggleOff
        var rows: [Row] = [.text(Line(name, style: base.bolded()))]
        if d.cancelsGuard { return cancelRows(d, state: state, theme: theme, width: width, rows: rows) }
        rows.append(
            .text(
                Line([
                    Span(SafeText.line(d.oldRaw, width: 20), style: base.patch(theme[oldRole])),
                    Span(" → "),
                    Span(SafeText.line(d.newRaw, width: 20), style: base.patch(theme[newRole])),
                    Span(d.turnsOn ? "  (turns it ON)" : "  (turns it OFF)"),
                ])))
        switch d.phase {
        case .conflict(let current, let change):
            var text = "Changed meanwhile: now \(SafeText.line(current, width: 20))"
            if let change {
                text += " (by \(SafeText.line(change.actor, width: 20)) at \(Formatting.clock(change.time, in: state.timeZone)))"
            }
            text += " — nothing written."
            rows.append(.text(""))
            rows.append(.text(Line(text, style: base.patch(theme[.error]))))
            rows.append(.text(Line("The table now shows the current value; flip again if still needed.")))
            return (rows, "Esc close")
        case .failed(let message):
            rows.append(.text(""))
            rows.append(.text(Line("Flip failed: " + SafeText.line(message, width: 120), style: base.patch(theme[.error]))))
            return (rows, "Esc close")
        case .writing:
            rows.append(.text(""))
            rows.append(.text(Line("Writing…")))
            return (rows, "")
        case .asking:
            break
        }
        if let error = d.radiusError {
            rows.append(
                .text(
                    Line(
                        "Blast radius: could not count — " + SafeText.line(error, width: 120),
                        style: base.patch(theme[.error]))))
        } else if let reached = d.reached, let total = d.total {
            let counted = "\(Formatting.count(reached)) of \(Formatting.count(total)) sessions"
            rows.append(.text(Line("Blast radius: " + counted + (d.turnsOn ? " will get it" : " lose it now"))))
            if d.turnsOn, let rule = d.rule { rows.append(.text(Line("For: " + SafeText.line(rule, width: 120)))) }
        } else {
            rows.append(.text(Line("Blast radius: counting over every session…")))
        }
        // Someone else about to flip the same toggle (their connection's name says so).
        let others = state.serverPane.othersFlipping(d.toggle)
        if !others.isEmpty {
            let who =
                others.prefix(2).map { SafeText.line($0.who, width: 30) }.joined(separator: ", ")
                + (others.count > 2 ? " and \(others.count - 2) more" : "")
            rows.append(.text(Line("Also open by " + who + ": agree who flips it", style: base.patch(theme[.error]))))
        }
        // The guard's fields come after the reason and the name, in Tab order; the notice last.
        return (
            rows + gateRows(d, state: state, theme: theme) + guardRows(d, theme: theme) + noticeRows(d, theme: theme),
            KeyHints.dialog(d, keymap: state.keymap)
        )
    }

    /// Why a confirm was refused, under the fields.
    private static func noticeRows(_ d: FlipDialog, theme: Theme) -> [Row] {
        d.notice.map { [.text(Line($0, style: theme[.dialog].patch(theme[.error])))] } ?? []
    }

    /// The guard the flip starts (`g`): its rule and duration, editable; nothing without one.
    private static func guardRows(_ d: FlipDialog, theme: Theme) -> [Row] {
        guard let rule = d.guardRule else { return [] }
        let muted = theme[.dialog].patch(theme[.muted])
        return [
            .text(Line("Guard: flip back when this rule breaks:", style: muted)),
            .input(rule, focused: d.field == .guardRule),
            .text(Line("Watched for (90s, 15m, 1h) by this dashboard while open:", style: muted)),
            .input(d.guardFor, focused: d.field == .guardFor),
        ]
    }

    /// The cancel form (`FlipDialog.cancelsGuard`): what ends, what stays, then the same gates.
    private static func cancelRows(_ d: FlipDialog, state: AppState, theme: Theme, width: Int, rows: [Row])
        -> (rows: [Row], hint: String)
    {
        let base = theme[.dialog]
        var rows = rows
        rows.append(
            .text(
                Line(
                    "Ends its guard without reverting: it stays " + SafeText.line(d.oldRaw, width: 20)
                        + "; the guard's process stops at its next check.")))
        switch d.phase {
        case .failed(let message):
            rows.append(.text(""))
            rows.append(.text(Line("Not cancelled: " + SafeText.line(message, width: 120), style: base.patch(theme[.error]))))
            return (rows, "Esc close")
        case .writing, .conflict:
            rows.append(.text(""))
            rows.append(.text(Line("Writing…")))
            return (rows, "")
        case .asking:
            return (rows + gateRows(d, state: state, theme: theme) + noticeRows(d, theme: theme), KeyHints.dialog(d, keymap: state.keymap))
        }
    }

    /// Who is audited, the reason and the production name fields, and the notice.
    private static func gateRows(_ d: FlipDialog, state: AppState, theme: Theme) -> [Row] {
        let base = theme[.dialog]
        var rows: [Row] = []
        if let actor = state.actor {
            // Never "unknown" silently: the audit trail would not say who did it.
            let unknown = actor.hasPrefix("unknown@")
            rows.append(
                .text(
                    Line([
                        Span("Audited as: ", style: base.patch(theme[.muted])),
                        Span(SafeText.line(actor, width: 60), style: unknown ? base.patch(theme[.error]) : base),
                        Span(unknown ? "  (set --as NAME or $USER)" : "", style: base.patch(theme[.muted])),
                    ])))
        }
        rows.append(.text(""))
        rows.append(
            .text(
                Line(
                    state.requireReason ? "Reason (required, Tab):" : "Reason (optional, Tab):",
                    style: base.patch(theme[.muted]))))
        rows.append(.input(d.reason, focused: d.field == .reason))
        if let confirmName = d.confirmName {
            rows.append(.text(Line("Production: type the toggle name to confirm", style: base.patch(theme[.error]))))
            rows.append(.input(confirmName, focused: d.field == .confirmName))
        }
        // The hint row (same words as the keymap's) is added by the callers.
        return rows
    }

    static func render(_ d: FlipDialog, state: AppState, theme: Theme, area: Rect, buffer: inout ScreenBuffer) {
        let width = min(64, max(0, area.width - 2))
        let innerWidth = max(1, width - 4)
        let (rows, hint) = rows(d, state: state, theme: theme, width: innerWidth)
        // Text rows may wrap (a long conflict message); inputs take one row each.
        var laidOut: [Row] = []
        for row in rows {
            switch row {
            case .text(let line):
                for piece in Paragraph([line]).layout(width: innerWidth) { laidOut.append(.text(piece)) }
            case .input:
                laidOut.append(row)
            }
        }
        let box = area.centered(width: width, height: laidOut.count + 4)
        let block = Block(
            title: d.cancelsGuard ? "Cancel guard" : "Flip toggle", borderStyle: theme[.dialog].patch(theme[.dialogBorder]),
            titleStyle: theme[.dialog].patch(theme[.titleFocused]), padding: (0, 1, 0, 1),
            clear: true, fillStyle: theme[.dialog])
        block.render(area: box, buffer: &buffer)
        let inner = block.inner(box)
        guard !inner.isEmpty else { return }
        for (i, row) in laidOut.enumerated() where i < inner.height - 2 {
            switch row {
            case .text(let line):
                line.render(in: inner.row(i), buffer: &buffer, base: theme[.dialog])
            case .input(let input, let focused):
                input.render(
                    area: inner.row(i), buffer: &buffer, style: theme[.input],
                    cursorStyle: Style(reverse: true), focused: focused)
            }
        }
        Line(hint, alignment: .right).render(
            in: inner.row(inner.height - 1), buffer: &buffer,
            base: theme[.dialog].patch(theme[.muted]))
    }
}
