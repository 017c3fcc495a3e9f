/// The bottom row: a flash message when there is one, else the keys that matter in the
/// current place — generated from the keymap's bindings and their hint words, so the row
/// cannot drift from what the keys do. Stateless; main queue.
enum KeyHints {
    static func line(_ state: AppState, theme: Theme) -> Line {
        if state.commandLine.isOpen {
            // The line being typed, in SafeText: what the person types is shown, never raw.
            let typed = SafeText.line(state.commandLine.input.text, width: max(1, state.width - 3))
            return Line([Span(":", style: theme[.text].patch(Style(bold: true))), Span(typed + "█", style: theme[.text])])
        }
        if let flash = state.flash, flash.expires > state.now {
            ClockHorizon.note(flash.expires.timeIntervalSince(state.now))
            return Line(" " + flash.text, style: theme[flash.isError ? .error : .text])
        }
        return Line(" " + text(state), style: theme[.muted])
    }

    static func text(_ state: AppState) -> String {
        let keymap = state.keymap
        if state.helpVisible { return "Esc/? close help · j/k scroll" }
        if state.commandLine.isOpen {
            return keymap.hints([.runCommand, .cancelCommand, .completeCommand, .historyBack], in: [.commandLine])
        }
        if let d = state.dialog { return dialog(d, keymap: keymap) }
        let behavior = state.focus.behavior
        if state.isEditingText {
            let keys = keymap.hints(
                behavior.fieldContext == .search
                    ? [.runSearch, .cancelSearch, .historyBack] : [.keepFilter, .clearFilter, .historyBack],
                in: [behavior.fieldContext])
            return [behavior.fieldNote(state), keys].compactMap { $0 }.joined(separator: " · ")
        }
        let contexts = [state.focus.keyContext, .global]
        let pane = keymap.hintItems(behavior.hints(state), in: contexts)
        return fit(pane: pane, common: common(keymap), width: state.width - 1)
    }

    /// The hints every pane offers after its own, most important first: what an incident needs
    /// (export, the time window, the command line), then help, quit and the pane keys.
    static func common(_ keymap: Keymap) -> [String] {
        let panes = keymap.binding(for: .focusNext, in: [.global]).map { "\($0.keyLabel)/1-\(Pane.allCases.count) pane" }
        let global = keymap.hintItems([.help, .commandMode, .exportIncident, .widenWindow, .quit], in: [.global], firstKeyOnly: true)
        return global + [panes].compactMap { $0 }
    }

    /// The pane's hints, then the common ones, as many as fit `width` in order of importance
    /// (the pane's first, then `? help`), shown in the pane's order with the common ones last.
    /// Nothing is cut mid-word: an item that does not fit is left out whole.
    static func fit(pane: [String], common: [String], width: Int) -> String {
        let separator = " · "
        let help = common.first.map { [$0] } ?? []
        let byImportance = pane.prefix(1) + help + pane.dropFirst() + common.dropFirst()
        var kept = Set<String>()
        var used = 0
        for item in byImportance {
            let cost = item.count + (kept.isEmpty ? 0 : separator.count)
            if used + cost <= width {
                kept.insert(item)
                used += cost
            }
        }
        let rest = common.dropFirst() + help
        return (pane + rest).filter { kept.contains($0) }.joined(separator: separator)
    }

    /// The flip dialog's keys in its current phase; the dialog's own hint line says the same.
    static func dialog(_ d: FlipDialog, keymap: Keymap) -> String {
        switch d.phase {
        case .asking:
            if d.field == .none {
                return keymap.hints([.confirm, .cancel, .nextField] + (d.cancelsGuard ? [] : [.addGuard]), in: [.dialog])
            }
            // In a field, letters are text: only the non-printable keys confirm and cancel.
            let keys = { (action: KeyAction) -> String in
                keymap.binding(for: action, in: [.dialog])?.keys.filter { if case .char = $0 { false } else { true } }
                    .map(\.description).joined(separator: "/") ?? ""
            }
            return "\(keys(.confirm)) confirm · \(keys(.cancel)) cancel · \(keys(.nextField)) next field"
        case .writing: return "writing…"
        case .conflict, .failed: return "Esc close"
        }
    }
}
