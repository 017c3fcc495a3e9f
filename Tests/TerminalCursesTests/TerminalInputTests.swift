import CCurses
import Dashboard
import Testing
@testable import TerminalCurses

/// What `getmouse` reported becomes a mouse event: the main button's press and the wheel; a
/// release or another button becomes nothing.
@Suite struct TerminalInputTests {
    @Test func pressAndWheelAreEventsTheRestIsNot() {
        #expect(TerminalInput.mouse(kind: Int32(CCURSES_MOUSE_PRESS), x: 70, y: 7) == MouseEvent(.press, x: 70, y: 7))
        #expect(TerminalInput.mouse(kind: Int32(CCURSES_MOUSE_WHEEL_UP), x: 1, y: 2) == MouseEvent(.wheelUp, x: 1, y: 2))
        #expect(TerminalInput.mouse(kind: Int32(CCURSES_MOUSE_WHEEL_DOWN), x: 1, y: 2) == MouseEvent(.wheelDown, x: 1, y: 2))
        #expect(TerminalInput.mouse(kind: Int32(CCURSES_MOUSE_OTHER), x: 1, y: 2) == nil)
        #expect(TerminalInput.mouse(kind: -1, x: -1, y: -1) == nil)
        #expect(TerminalInput.key(.enter).message == .key(.enter))
        #expect(TerminalInput.mouse(MouseEvent(.press, x: 0, y: 0)).message == .mouse(MouseEvent(.press, x: 0, y: 0)))
    }
}
