/// A key press, decoded from the terminal by the terminal layer. Pure value, no curses, so the
/// update code and its tests speak keys without a terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (including space).
    case char(Character)
    case enter, escape, tab, backTab
    case up, down, left, right, home, end, pageUp, pageDown
    case backspace, delete
    /// Ctrl plus a letter, lowercase (`.ctrl("c")` is Ctrl-C).
    case ctrl(Character)
    /// F1...F12 as `.function(1)`...
    case function(Int)
    /// The terminal changed size; re-query and redraw everything.
    case resize
    case unknown

    /// How the help overlay writes the key.
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .ctrl(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        case .unknown: return "?"
        }
    }
}
