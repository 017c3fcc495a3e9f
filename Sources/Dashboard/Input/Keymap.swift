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

    /// The binding that performs `action` in the first of `contexts` that has one.
    public func binding(for action: KeyAction, in contexts: [KeyContext]) -> KeyBinding? {
        for context in contexts {
            if let b = bindings.first(where: { $0.context == context && $0.action == action }) { return b }
        }
        return nil
    }

    /// "y/Enter confirm · n/Esc cancel", for `actions` as bound in `contexts`: the hint row's
    /// and the dialogs' text, from the bindings' `hint` words.
    public func hints(_ actions: [KeyAction], in contexts: [KeyContext], firstKeyOnly: Bool = false) -> String {
        hintItems(actions, in: contexts, firstKeyOnly: firstKeyOnly).joined(separator: " · ")
    }

    /// `hints` as separate items ("Space flip", "o sort"), so the hint row can drop the least
    /// important ones that do not fit its width.
    public func hintItems(_ actions: [KeyAction], in contexts: [KeyContext], firstKeyOnly: Bool = false) -> [String] {
        actions.compactMap { action -> String? in
            guard let b = binding(for: action, in: contexts), let hint = b.hint else { return nil }
            let keys = b.hintKeys ?? (firstKeyOnly ? (b.keys.first?.description ?? "") : b.keyLabel)
            return keys + " " + hint
        }
    }

    /// The digit that focuses each pane: 1 for the first in tab order.
    static var paneBindings: [KeyBinding] {
        Pane.allCases.map { pane in
            KeyBinding([.char(Character(String(pane.rawValue + 1)))], .focus(pane), "\(pane.title) pane", context: .global)
        }
    }

    /// Everywhere, the digits, then each pane's own keys (declared in its folder, in tab
    /// order), then the fields' and the dialog's.
    public static let standard = Keymap(
        [
            KeyBinding([.tab], .focusNext, "Next pane", context: .global, hint: "pane"),
            KeyBinding([.backTab], .focusPrevious, "Previous pane", context: .global),
        ] + paneBindings + [
            KeyBinding([.char("j"), .down], .moveDown, "Move down", context: .global, hint: "scroll", hintKeys: "j/k"),
            KeyBinding([.char("k"), .up], .moveUp, "Move up", context: .global),
            KeyBinding([.char("g"), .home], .moveTop, "Go to top", context: .global),
            KeyBinding([.char("G"), .end], .moveBottom, "Go to bottom", context: .global),
            KeyBinding([.pageUp], .pageUp, "Page up", context: .global),
            KeyBinding([.pageDown], .pageDown, "Page down", context: .global),
            KeyBinding([.enter], .openDetails, "Show details", context: .global, hint: "details"),
            KeyBinding([.escape], .back, "Back / close", context: .global, hint: "back"),
            KeyBinding([.char("/")], .filter, "Filter rows", context: .global, hint: "filter"),
            KeyBinding([.char("r")], .refresh, "Refresh now", context: .global, hint: "reload"),
            KeyBinding([.char("?")], .help, "This help", context: .global, hint: "help"),
            KeyBinding([.char("q"), .ctrl("c")], .quit, "Quit", context: .global, hint: "quit"),
            KeyBinding([.char("]")], .widenWindow, "Widen the time window", context: .global, hint: "window", hintKeys: "[/]"),
            KeyBinding([.char("[")], .narrowWindow, "Narrow the time window", context: .global),
            KeyBinding([.char("x")], .exportIncident, "Write an incident report", context: .global, hint: "export"),
            KeyBinding([.char("y")], .copySelection, "Copy the selected item", context: .global, hint: "copy"),
            KeyBinding([.char(":")], .commandMode, "Command line", context: .global, hint: "command"),
            KeyBinding([.ctrl("o"), .backspace], .jumpBack, "Back to before the jump", context: .global),
            KeyBinding([.ctrl("n")], .jumpForward, "Forward again", context: .global),

        ] + Pane.allCases.flatMap { $0.behavior.bindings } + [
            KeyBinding([.enter], .runSearch, "Run search", context: .search, hint: "search"),
            KeyBinding([.escape], .cancelSearch, "Leave search field", context: .search, hint: "leave field"),
            KeyBinding([.ctrl("p")], .historyBack, "Earlier search", context: .search, hint: "history", hintKeys: "^P/^N"),
            KeyBinding([.ctrl("n")], .historyForward, "Later search", context: .search),

            KeyBinding([.enter], .keepFilter, "Keep the filter", context: .filterField, hint: "keep"),
            KeyBinding([.escape], .clearFilter, "Clear the filter", context: .filterField, hint: "clear"),
            KeyBinding([.ctrl("p")], .historyBack, "Earlier filter", context: .filterField, hint: "history", hintKeys: "^P/^N"),
            KeyBinding([.ctrl("n")], .historyForward, "Later filter", context: .filterField),

            KeyBinding([.char("y"), .enter], .confirm, "Confirm", context: .dialog, hint: "confirm"),
            KeyBinding([.enter], .runCommand, "Run the command", context: .commandLine, hint: "run"),
            KeyBinding([.escape], .cancelCommand, "Leave the command line", context: .commandLine, hint: "leave"),
            KeyBinding([.tab], .completeCommand, "Complete the word", context: .commandLine, hint: "complete"),
            KeyBinding([.up, .ctrl("p")], .historyBack, "Earlier command", context: .commandLine, hint: "history", hintKeys: "↑/↓"),
            KeyBinding([.down, .ctrl("n")], .historyForward, "Later command", context: .commandLine),

            KeyBinding([.char("n"), .escape], .cancel, "Cancel", context: .dialog, hint: "cancel"),
            KeyBinding([.tab], .nextField, "Reason field", context: .dialog, hint: "reason"),
            KeyBinding([.char("g")], .addGuard, "Add a guard to the flip", context: .dialog, hint: "guard"),

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
