import CCurses
import Dashboard

/// One thing read from the terminal: a key or a mouse event. Plain value.
public enum TerminalInput: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)

    /// The dashboard message it becomes.
    public var message: Message {
        switch self {
        case .key(let key): return .key(key)
        case .mouse(let event): return .mouse(event)
        }
    }

    /// Turns `ccurses_get_mouse`'s answer into an event: the press of the main button and the
    /// wheel; nil for anything else (a release, another button, no event). Pure.
    static func mouse(kind: Int32, x: Int32, y: Int32) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        switch kind {
        case Int32(CCURSES_MOUSE_PRESS): return MouseEvent(.press, x: Int(x), y: Int(y))
        case Int32(CCURSES_MOUSE_WHEEL_UP): return MouseEvent(.wheelUp, x: Int(x), y: Int(y))
        case Int32(CCURSES_MOUSE_WHEEL_DOWN): return MouseEvent(.wheelDown, x: Int(x), y: Int(y))
        default: return nil
        }
    }
}
