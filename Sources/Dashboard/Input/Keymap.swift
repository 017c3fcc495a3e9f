/// The table of key bindings, read by the update code (`action(for:in:)`) and the help overlay.
/// A plain value; `Keymap.standard` is opsdeck's default map.
public struct Keymap: Hashable, Sendable {
    public var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The action for `key`, trying `contexts` in order (most specific first). Pass only the
    /// contexts active now. While a text field has focus, offer printable characters to the
    /// field (`TextInput.handle`) before looking here, so `y` types instead of confirming.
    public func action(for key: Key, in contexts: [KeyContext]) -> KeyAction? {
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.keys.contains(key) }) { return b.action }
        }
        return nil
    }

    public func bindings(in context: KeyContext) -> [KeyBinding] { bindings.filter { $0.context == context } }

    /// Pairs of bindings that claim the same key in the same context (should be empty).
    public var conflicts: [(KeyBinding, KeyBinding)] {
        var result: [(KeyBinding, KeyBinding)] = []
        for (i, a) in bindings.enumerated() {
            for b in bindings[(i + 1)...] where a.context == b.context && !Set(a.keys).isDisjoint(with: b.keys) {
                result.append((a, b))
            }
        }
        return result
    }

    public static let standard = Keymap([
        KeyBinding([.tab], .focusNext, "Next pane", context: .global),
        KeyBinding([.backTab], .focusPrevious, "Previous pane", context: .global),
        KeyBinding([.char("1")], .focusToggles, "Toggles pane", context: .global),
        KeyBinding([.char("2")], .focusSessions, "Sessions pane", context: .global),
        KeyBinding([.char("3")], .focusErrors, "Errors pane", context: .global),
        KeyBinding([.char("4")], .focusLogs, "Logs pane", context: .global),
        KeyBinding([.char("j"), .down], .moveDown, "Move down", context: .global),
        KeyBinding([.char("k"), .up], .moveUp, "Move up", context: .global),
        KeyBinding([.char("g"), .home], .moveTop, "Go to top", context: .global),
        KeyBinding([.char("G"), .end], .moveBottom, "Go to bottom", context: .global),
        KeyBinding([.pageUp], .pageUp, "Page up", context: .global),
        KeyBinding([.pageDown], .pageDown, "Page down", context: .global),
        KeyBinding([.enter], .openDetails, "Show details", context: .global),
        KeyBinding([.escape], .back, "Back / close", context: .global),
        KeyBinding([.char("/")], .filter, "Filter rows", context: .global),
        KeyBinding([.char("r")], .refresh, "Refresh now", context: .global),
        KeyBinding([.char("?")], .help, "This help", context: .global),
        KeyBinding([.char("q"), .ctrl("c")], .quit, "Quit", context: .global),

        KeyBinding([.char(" ")], .flipToggle, "Flip toggle (asks first)", context: .toggles),
        KeyBinding([.char("o")], .cycleSort, "Cycle sort order", context: .toggles),
        KeyBinding([.char("e")], .showToggleErrors, "Its errors (in Errors)", context: .toggles),
        KeyBinding([.char("m")], .revealMasked, "Reveal/mask values", context: .sessions),
        KeyBinding([.char("/")], .editSearch, "Edit search", context: .errors),
        KeyBinding([.char("t")], .jumpToToggle, "Jump to its toggle", context: .errors),
        KeyBinding([.char("p")], .pauseLogs, "Pause/resume tail", context: .logs),
        KeyBinding([.char("s")], .cycleSeverity, "Minimum severity", context: .logs),
        KeyBinding([.char("w")], .wrapLogs, "Wrap long lines", context: .logs),

        KeyBinding([.enter], .runSearch, "Run search", context: .search),
        KeyBinding([.escape], .cancelSearch, "Leave search field", context: .search),

        KeyBinding([.char("y"), .enter], .confirm, "Confirm", context: .dialog),
        KeyBinding([.char("n"), .escape], .cancel, "Cancel", context: .dialog),
        KeyBinding([.tab], .nextField, "Reason field", context: .dialog),

        // Same description on purpose: the help shows each pair on one row.
        KeyBinding([.left], .cursorLeft, "Move cursor", context: .textInput),
        KeyBinding([.right], .cursorRight, "Move cursor", context: .textInput),
        KeyBinding([.home, .ctrl("a")], .cursorHome, "Start of text", context: .textInput),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, "End of text", context: .textInput),
        KeyBinding([.backspace], .deleteBackward, "Delete character", context: .textInput),
        KeyBinding([.delete], .deleteForward, "Delete character", context: .textInput),
        KeyBinding([.ctrl("u")], .deleteToStart, "Delete to start", context: .textInput),
        KeyBinding([.ctrl("w")], .deleteWord, "Delete word", context: .textInput),
    ])
}
