/// The `:` command line (issue 25, as in k9s and vim): whether it is open, what is typed, and
/// the commands run before (↑/↓ walk them). A plain value owned by `AppState` on the main queue.
public struct CommandLineState: Hashable, Sendable {
    public var isOpen = false
    public var input = TextInput()
    /// Commands run, with ↑/↓ walking them (kept across restarts in the state file).
    public var recall = InputHistory(limit: historyLimit)
    /// Commands run, oldest first; at most `historyLimit`.
    public var history: [String] { recall.entries }
    public static let historyLimit = 100
    /// The config's context names, for `:ctx` and its completion (empty: none configured,
    /// as in the demo). Set by the runtime at start and after each switch.
    public var contexts: [String] = []
    /// Each pane's filter or search lines kept before (Ctrl-P/Ctrl-N in the field).
    public var fields: [Pane: InputHistory] = [:]
    /// Filters saved by name (`:save NAME`, `:filter NAME`).
    public var saved: [String: SavedFilter] = [:]
    public static let fieldHistoryLimit = 50

    public init() {}

    /// Puts back commands run before (a context switch keeps them; a restart reads them from the
    /// state file): at most the newest `historyLimit`.
    public mutating func load(history earlier: [String]) {
        recall = InputHistory(earlier, limit: Self.historyLimit)
    }

    mutating func open() {
        isOpen = true
        input = TextInput()
        recall.stopWalking()
    }

    mutating func close() {
        isOpen = false
        recall.stopWalking()
    }

    /// Remembers `command` (not twice in a row).
    mutating func remember(_ command: String) { recall.remember(command) }

    /// ↑ (`earlier: true`) or ↓ through the history; below the newest the line is empty again.
    mutating func walkHistory(earlier: Bool) {
        if let line = recall.walk(earlier: earlier) { input = TextInput(line) }
    }
}

extension AppState {
    /// The command line has the keys: Enter runs, Esc leaves, Tab completes, ↑/↓ walk the
    /// history, everything else edits the text.
    mutating func handleCommandKey(_ key: Key) -> [Effect] {
        switch keymap.action(for: key, in: [.commandLine]) {
        case .runCommand:
            let text = commandLine.input.text.trimmingCharacters(in: .whitespaces)
            commandLine.remember(text)
            commandLine.close()
            let effects = jumping { $0.run(command: text) }
            keepSelectionsVisible()
            return effects
        case .cancelCommand: commandLine.close()
        case .completeCommand: commandLine.input = TextInput(DashboardCommand.complete(commandLine.input.text, state: self))
        case .historyBack: commandLine.walkHistory(earlier: true)
        case .historyForward: commandLine.walkHistory(earlier: false)
        default: commandLine.input.handle(key, keymap: keymap)
        }
        return []
    }
}
