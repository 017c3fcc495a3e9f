/// The bottom row: a flash message when there is one, else the keys that matter in the
/// current place — generated from the keymap's bindings and their hint words, so the row
/// cannot drift from what the keys do. Stateless; main queue.
enum KeyHints {
    static func line(_ state: AppState, theme: Theme) -> Line {
        if let flash = state.flash, flash.expires > state.now {
            return Line(" " + flash.text, style: theme[flash.isError ? .error : .text])
        }
        return Line(" " + text(state), style: theme[.muted])
    }

    static func text(_ state: AppState) -> String {
        let keymap = state.keymap
        if state.helpVisible { return "Esc/? close help · j/k scroll" }
        if let d = state.dialog { return dialog(d, keymap: keymap) }
        let behavior = state.focus.behavior
        if state.isEditingText {
            let keys = keymap.hints(behavior.fieldContext == .search ? [.runSearch, .cancelSearch] : [.keepFilter, .clearFilter],
                                    in: [behavior.fieldContext])
            return [behavior.fieldNote(state), keys].compactMap { $0 }.joined(separator: " · ")
        }
        let contexts = [state.focus.keyContext, .global]
        return [keymap.hints(behavior.hints(state), in: contexts), common(keymap)].joined(separator: " · ")
    }

    /// What every pane's row ends with: "Tab/1-4 pane · ? help · q quit".
    static func common(_ keymap: Keymap) -> String {
        let panes = keymap.binding(for: .focusNext, in: [.global]).map { "\($0.keyLabel)/1-\(Pane.allCases.count) pane" }
        return ([panes] + [keymap.hints([.help, .quit], in: [.global], firstKeyOnly: true)]).compactMap { $0 }
            .joined(separator: " · ")
    }

    /// The flip dialog's keys in its current phase; the dialog's own hint line says the same.
    static func dialog(_ d: FlipDialog, keymap: Keymap) -> String {
        switch d.phase {
        case .asking:
            if d.field == .none { return keymap.hints([.confirm, .cancel, .nextField], in: [.dialog]) }
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
