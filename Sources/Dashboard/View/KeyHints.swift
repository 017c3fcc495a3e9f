/// The bottom row: a flash message when there is one, else the keys that matter in the
/// current place. Stateless; main queue.
enum KeyHints {
    static func line(_ state: AppState, theme: Theme) -> Line {
        if let flash = state.flash, flash.expires > state.now {
            return Line(" " + flash.text, style: theme[flash.isError ? .error : .text])
        }
        return Line(" " + text(state), style: theme[.muted])
    }

    static func text(_ state: AppState) -> String {
        if state.helpVisible { return "Esc/? close help · j/k scroll" }
        if let d = state.dialog {
            switch d.phase {
            case .asking: return d.field == .none ? "y confirm · n/Esc cancel · Tab reason" : "Enter confirm · Esc cancel · Tab next field"
            case .writing: return "writing…"
            case .conflict, .failed: return "Esc close"
            }
        }
        if state.isEditingText {
            return state.focus == .errors ? "Enter search · Esc leave field" : "typing filters live · Enter keep · Esc clear"
        }
        let common = "Tab/1-4 pane · ? help · q quit"
        switch state.focus {
        case .toggles:
            if state.toggles.detail != nil { return "Esc back · e its errors · j/k scroll · r reload · " + common }
            return "Space flip · Enter detail · / filter · o sort · " + common
        case .sessions:
            if state.sessions.detail != nil { return "Esc back · m mask/reveal · j/k scroll · r reload · " + common }
            return "Enter details · / filter · m mask/reveal · " + common
        case .errors:
            if state.errors.detail != nil { return "Esc back · j/k scroll · t its toggle · " + common }
            return "/ search · Enter details · t its toggle · " + common
        case .logs:
            if state.logs.detail != nil { return "Esc back to the tail · j/k scroll · " + common }
            let follow = state.logs.paused ? "p/G resume" : "p pause"
            return "\(follow) · s severity · / filter (source:NAME text) · " + common
        }
    }
}
