/// The `:` command line (issue 25, as in k9s and vim): whether it is open, what is typed, and
/// the commands run before (↑/↓ walk them). A plain value owned by `AppState` on the main queue.
public struct CommandLineState: Hashable, Sendable {
    public var isOpen = false
    public var input = TextInput()
    /// Commands run, oldest first; at most `historyLimit`.
    public private(set) var history: [String] = []
    /// Where ↑/↓ is in `history` (nil: at the text being typed).
    var historyIndex: Int?
    public static let historyLimit = 100
    /// The config's context names, for `:ctx` and its completion (empty: none configured,
    /// as in the demo). Set by the runtime at start and after each switch.
    public var contexts: [String] = []

    public init() {}

    /// Puts back commands run before (a context switch keeps them; a restart reads them from the
    /// state file): at most the newest `historyLimit`.
    public mutating func load(history earlier: [String]) {
        history = Array(earlier.filter { !$0.isEmpty }.suffix(Self.historyLimit))
        historyIndex = nil
    }

    mutating func open() {
        isOpen = true
        input = TextInput()
        historyIndex = nil
    }

    mutating func close() {
        isOpen = false
        historyIndex = nil
    }

    /// Remembers `command` (not twice in a row).
    mutating func remember(_ command: String) {
        guard !command.isEmpty, history.last != command else { return }
        history.append(command)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
    }

    /// ↑ (`earlier: true`) or ↓ through the history; below the newest the line is empty again.
    mutating func walkHistory(earlier: Bool) {
        guard !history.isEmpty else { return }
        let next: Int?
        switch (historyIndex, earlier) {
        case (nil, true): next = history.count - 1
        case (nil, false): return
        case (let i?, true): next = max(0, i - 1)
        case (let i?, false): next = i + 1 < history.count ? i + 1 : nil
        }
        historyIndex = next
        input = TextInput(next.map { history[$0] } ?? "")
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
