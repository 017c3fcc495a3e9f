import Spelling

/// A filter or search saved by name (`:save NAME`): the pane it belongs to and its text.
public struct SavedFilter: Hashable, Sendable, Codable {
    public var pane: Pane
    public var text: String

    public init(pane: Pane, text: String) {
        self.pane = pane
        self.text = text
    }
}

/// What the dashboard remembers of what was typed, per context: the `:` history, each pane's
/// filter/search history and the saved filters. The runtime keeps it in the XDG state
/// directory; this value is only the data. Pure.
public struct RememberedInput: Hashable, Sendable, Codable {
    public var commands: [String] = []
    /// Lines by pane name (`toggles`, `sessions`, `errors`, `logs`).
    public var fields: [String: [String]] = [:]
    public var saved: [String: SavedFilter] = [:]

    public init(commands: [String] = [], fields: [String: [String]] = [:], saved: [String: SavedFilter] = [:]) {
        self.commands = commands
        self.fields = fields
        self.saved = saved
    }
}

extension Pane: Codable {
    /// By name in files (`toggles`), never by position: a pane added later cannot shift them.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let pane = Pane.named(name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no pane named \(name)"))
        }
        self = pane
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// `toggles`, `sessions`…: the tab's title in lower case.
    public var name: String { title.lowercased() }

    static func named(_ name: String) -> Pane? { allCases.first { $0.name == name } }
}

extension AppState {
    /// The panes whose field lines are remembered: those with a filter or a search.
    static let fieldPanes: [Pane] = [.toggles, .sessions, .errors, .logs]

    /// What the state file keeps, taken from the state.
    public var remembered: RememberedInput {
        var fields: [String: [String]] = [:]
        for (pane, history) in commandLine.fields where !history.entries.isEmpty { fields[pane.name] = history.entries }
        return RememberedInput(commands: commandLine.history, fields: fields, saved: commandLine.saved)
    }

    /// Puts back what the state file kept (at start and after a context switch); a pane name
    /// not known here is skipped.
    public mutating func restore(_ kept: RememberedInput) {
        commandLine.load(history: kept.commands)
        commandLine.fields = [:]
        for (name, lines) in kept.fields {
            guard let pane = Pane.named(name), Self.fieldPanes.contains(pane) else { continue }
            commandLine.fields[pane] = InputHistory(lines, limit: CommandLineState.fieldHistoryLimit)
        }
        commandLine.saved = kept.saved.filter { Self.fieldPanes.contains($0.value.pane) }
    }

    /// The focused pane's filter or search text (nil: the pane has none).
    var fieldText: String? {
        switch focus {
        case .toggles: return toggles.filter.text
        case .sessions: return sessions.filter.text
        case .errors: return errors.query.text
        case .logs: return logs.filterInput.text
        case .server: return nil
        }
    }

    /// Replaces the focused pane's filter or search text as typing it would (the list refilters
    /// at once; a sessions filter goes to the server on Enter, a search runs on Enter).
    mutating func setFieldText(_ text: String) {
        switch focus {
        case .toggles:
            toggles.filter = TextInput(text)
            toggles.refilter()
        case .sessions:
            sessions.filter = TextInput(text)
            sessions.refilter()
        case .errors: errors.query = TextInput(text)
        case .logs:
            logs.filterInput = TextInput(text)
            logs.scrollBack = 0
        case .server: break
        }
    }

    /// A filter kept or a search run: remembered in that pane's history.
    mutating func rememberField(_ text: String) {
        guard Self.fieldPanes.contains(focus) else { return }
        var history = commandLine.fields[focus] ?? InputHistory(limit: CommandLineState.fieldHistoryLimit)
        history.remember(text.trimmingCharacters(in: .whitespaces))
        commandLine.fields[focus] = history
    }

    /// Ctrl-P / Ctrl-N in a filter or search field: the lines kept before.
    mutating func recallField(earlier: Bool) {
        guard var history = commandLine.fields[focus] else {
            say("No earlier \(focus == .errors ? "searches" : "filters") in this pane")
            return
        }
        if let line = history.walk(earlier: earlier) { setFieldText(line) }
        commandLine.fields[focus] = history
    }

    /// `:save NAME` (the focused pane's filter or search), `:filter NAME` (apply it, in its
    /// pane), `:filters` (list), `:forget NAME`. What cannot be done is said; nothing changes.
    mutating func savedFilterCommand(_ word: String, _ name: String) -> [Effect] {
        let names = commandLine.saved.keys.sorted()
        switch word {
        case "filters":
            guard !names.isEmpty else {
                say("No saved filters: type a filter or search, then :save NAME")
                return []
            }
            let list = names.map { "\($0) (\(commandLine.saved[$0]!.pane.name))" }.joined(separator: ", ")
            say("Saved: " + SafeText.line(list, width: 200) + " — :filter NAME applies", seconds: 8)
            return []
        case "save":
            guard !name.isEmpty, !name.contains(" ") else {
                say("Name it: :save NAME (one word)", error: true)
                return []
            }
            guard let text = fieldText, !text.allSatisfy(\.isWhitespace) else {
                say("Nothing to save: this pane has no filter or search typed", error: true)
                return []
            }
            commandLine.saved[name] = SavedFilter(pane: focus, text: text)
            say("Saved \(SafeText.line(name, width: 40)): \(SafeText.line(text, width: 80)) (\(focus.name))")
            return []
        default:
            guard let found = commandLine.saved[name] else {
                let hint = Suggestion.didYouMean(name, among: names).map { " — " + $0 } ?? ""
                say("No saved filter \(SafeText.line(name, width: 40))\(SafeText.line(hint, width: 60))", error: true)
                return []
            }
            if word == "forget" {
                commandLine.saved[name] = nil
                say("Forgot \(SafeText.line(name, width: 40))")
                return []
            }
            focus = found.pane
            setFieldText(found.text)
            switch found.pane {
            case .errors: return runSearch()
            case .sessions:
                guard found.text != sessions.appliedFilter else { return [] }
                sessions.appliedFilter = found.text
                return [.setSessionFilter(found.text)]
            default: return []
            }
        }
    }
}
