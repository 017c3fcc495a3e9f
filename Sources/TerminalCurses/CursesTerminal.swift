import CCurses
import Dashboard
import Foundation

/// The real terminal, through ncursesw: draws `ScreenBuffer`s and reads keys.
///
/// Threading and ownership: curses is not thread-safe, so this class is `@MainActor` — create
/// it, draw, read keys and stop it on the main thread only (the main queue counts; from a
/// Dispatch handler on the main queue use `MainActor.assumeIsolated`). The app owns exactly one
/// instance for its lifetime. `stop()` is idempotent and also runs at `exit()`, so every path
/// out of the program restores the terminal.
@MainActor
public final class CursesTerminal {
    /// Colours the terminal shows, detected in `start()` (`.none` with NO_COLOR).
    public private(set) var colorDepth: ColorDepth = .none
    public private(set) var isActive = false
    /// The user's locale is not UTF-8 (e.g. `LANG=C`): every cell is written as ASCII.
    public private(set) var asciiOnly = false
    /// The terminal reports clicks and the wheel (`start(mouse: true)` and terminfo knows how).
    public private(set) var mouseReported = false

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var previous: ScreenBuffer?
    private var pairs = ColorPairs(limit: 0)
    private var needsFullRedraw = true

    public init() {}

    /// Checks, without touching the terminal, that the dashboard can run here: stdin and stdout
    /// are TTYs, TERM is set, terminfo knows it and it can address the cursor. Throws a
    /// `TerminalError` whose message points to the scripting subcommands.
    public nonisolated static func checkUsable(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        stdinIsTTY: Bool = isatty(STDIN_FILENO) == 1,
        stdoutIsTTY: Bool = isatty(STDOUT_FILENO) == 1
    ) throws {
        guard stdinIsTTY else { throw TerminalError.notATerminal(stream: "stdin") }
        guard stdoutIsTTY else { throw TerminalError.notATerminal(stream: "stdout") }
        guard let term = environment["TERM"], !term.isEmpty else { throw TerminalError.termNotSet }
        switch ccurses_check_terminfo(term) {
        case 0: return
        case 2: throw TerminalError.noCursorAddressing(term)
        default: throw TerminalError.unknownTerminal(term)
        }
    }

    /// Enters curses mode: UTF-8 locale, raw keys (Ctrl-C arrives as a key, not SIGINT), no
    /// echo, keypad decoding, 25 ms Esc delay, hidden cursor, colours if any; with `mouse`,
    /// clicks and the wheel where the terminal reports them (the config's `mouse: off` passes
    /// false, leaving the terminal's own selection alone).
    public func start(environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = false) throws {
        guard !isActive else { return }
        try CursesTerminal.checkUsable(environment: environment)
        // LANG=C and friends: the terminal does not expect UTF-8, so only ASCII is written.
        asciiOnly = ccurses_setup_locale() != 2
        guard let s = ccurses_newterm() else { throw TerminalError.startFailed(environment["TERM"] ?? "") }
        screen = s
        window = ccurses_stdscr()
        isActive = true
        ccurses_set_active(1)
        ccurses_install_atexit()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        _ = ccurses_set_escdelay(25)
        curs_set(0)
        mouseReported = mouse && ccurses_mouse(1) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if has_colors() && !noColor {
            start_color()
            use_default_colors()
            colorDepth = ColorDepth(colorCount: Int(ccurses_colors()))
            pairs = ColorPairs(limit: ccurses_color_pairs())
        } else {
            colorDepth = .none
        }
        needsFullRedraw = true
        previous = nil
    }

    /// Current size in cells.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        var y: Int32 = 0, x: Int32 = 0
        ccurses_getmaxyx(window, &y, &x)
        return (Int(x), Int(y))
    }

    /// Sends only the cells that differ from the previously drawn buffer; everything after a
    /// resize, a size change or `invalidate()`.
    public func draw(_ buffer: ScreenBuffer) {
        guard isActive, let window else { return }
        let full = needsFullRedraw || previous?.width != buffer.width || previous?.height != buffer.height
        let changes = full ? buffer.diff(from: ScreenBuffer(width: 0, height: 0)) : buffer.diff(from: previous!)
        if full {
            werase(window)
            clearok(window, true)
        }
        for change in changes { put(change, buffer: buffer) }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        needsFullRedraw = false
    }

    /// Rings the terminal's bell (curses' `beep`: the audible bell, or a flash where the
    /// terminal has none).
    public func bell() {
        guard isActive else { return }
        beep()
    }

    /// Puts `text` on the terminal's clipboard (OSC 52, see `Clipboard`). Written after curses
    /// has flushed its own output, so the sequence never splits one of curses' updates.
    public func copy(_ text: String) {
        guard isActive else { return }
        doupdate()
        Clipboard.write(text, to: STDOUT_FILENO)
    }

    /// Forces the next `draw` to repaint everything (e.g. after Ctrl-L or a child process).
    public func invalidate() { needsFullRedraw = true }

    /// Waits up to `timeoutMs` (negative: forever) for a key. Nil on timeout. A `.resize`
    /// also schedules a full redraw.
    public func readKey(timeoutMs: Int) -> Key? {
        guard isActive, let window else { return nil }
        var code: Int32 = 0
        let kind = ccurses_get_key(window, Int32(clamping: timeoutMs), &code)
        let key = KeyDecoder.decode(kind: kind, code: code)
        if key == .resize { needsFullRedraw = true }
        return key
    }

    /// Waits up to `timeoutMs` (negative: forever) for a key or a mouse event; nil on timeout.
    /// A mouse event curses reports but the dashboard does not use (a release) comes back as
    /// `.key(.unknown)`, so a caller draining input does not stop early.
    public func readInput(timeoutMs: Int) -> TerminalInput? {
        guard isActive, let window else { return nil }
        var code: Int32 = 0
        let kind = ccurses_get_key(window, Int32(clamping: timeoutMs), &code)
        if kind == Int32(CCURSES_KEY_FUNCTION), code == ccurses_key_mouse() {
            var x: Int32 = -1, y: Int32 = -1
            let mouseKind = ccurses_get_mouse(&x, &y)
            return TerminalInput.mouse(kind: mouseKind, x: x, y: y).map { .mouse($0) } ?? .key(.unknown)
        }
        guard let key = KeyDecoder.decode(kind: kind, code: code) else { return nil }
        if key == .resize { needsFullRedraw = true }
        return .key(key)
    }

    /// Leaves curses mode and restores the terminal. Safe to call twice, and from a signal
    /// handler that was dispatched onto the main queue.
    public func stop() {
        guard isActive else { return }
        isActive = false
        ccurses_set_active(0)
        if mouseReported { _ = ccurses_mouse(0) }
        mouseReported = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        previous = nil
    }

    private func put(_ change: CellChange, buffer: ScreenBuffer) {
        guard let window else { return }
        let style = change.cell.style.degraded(to: colorDepth)
        let attrs = ccurses_attrs(style.isBold, style.isUnderline, style.isReverse, style.isDim)
        let pair = colorDepth == .none ? 0 : pairs.pair(fg: style.fg, bg: style.bg)
        let symbol = asciiOnly ? AsciiFallback.symbol(change.cell.symbol) : change.cell.symbol
        var wide = symbol.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if wide.isEmpty { wide = [0x20] }
        _ = wide.withUnsafeBufferPointer { p in
            ccurses_put_cell(window, Int32(change.y), Int32(change.x), p.baseAddress, Int32(p.count), attrs, pair)
        }
        // Where we count 2 columns but the C library counts 1 (e.g. ❤️), pad the right half so
        // the columns after it stay where the buffer put them.
        if change.cell.width == 2, ccurses_wcwidth(wide[0]) < 2, change.x + 1 < buffer.width {
            var space: [wchar_t] = [0x20]
            _ = space.withUnsafeMutableBufferPointer { p in
                ccurses_put_cell(window, Int32(change.y), Int32(change.x + 1), p.baseAddress, 1, attrs, pair)
            }
        }
    }
}
