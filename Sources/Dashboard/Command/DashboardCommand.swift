import Foundation
import Spelling

/// What `:` understands: the words, how a typed line is read, how Tab completes it, and what
/// running it does to `AppState`. Pure; main queue.
enum DashboardCommand {
    /// Every command word, in the order completion offers them.
    static let words = [
        "toggles", "sessions", "errors", "logs", "server",
        "toggle", "session", "error", "since", "from", "to", "ctx", "columns",
        "save", "filter", "filters", "forget", "help", "quit", "q",
    ]

    /// What the help overlay lists under "Commands".
    static let help: [(String, String)] = [
        ("toggles…", "Focus a pane by name"),
        ("toggle X", "Select toggle X"),
        ("session X", "Select session X"),
        ("error X", "Search the errors for X"),
        ("since 2h", "Time window: last 2h"),
        ("columns X", "Hide or show column X"),
        ("from 10:20", "Window start (absolute)"),
        ("to 10:45", "Window end (absolute)"),
        ("ctx X", "Switch to context X"),
        ("save X", "Save this pane's filter"),
        ("filter X", "Apply saved filter X"),
        ("q", "Quit"),
    ]

    /// Commands that take an argument, and what the argument completes from.
    static func candidates(for word: String, state: AppState) -> [String] {
        switch word {
        case "toggle", "t": return state.toggles.rows.map(\.name)
        case "session", "s": return state.sessions.rows.map(\.key)
        case "error": return state.errors.rows.map(\.id)
        case "since": return ["5m", "15m", "1h", "6h", "1d", "7d"]
        case "columns": return state.chooserNames
        case "ctx", "context": return state.commandLine.contexts
        case "filter", "forget": return state.commandLine.saved.keys.sorted()
        default: return []
        }
    }

    /// The line with its last word completed: the longest prefix every candidate starting
    /// with what is typed shares (the first word from `words`, the second from the command's).
    static func complete(_ line: String, state: AppState) -> String {
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count <= 1 {
            let done = commonPrefix(words.filter { $0.hasPrefix(parts.first ?? "") }) ?? line
            return words.contains(done) && !candidates(for: done, state: state).isEmpty ? done + " " : done
        }
        let arg = parts[1]
        guard let done = commonPrefix(candidates(for: parts[0], state: state).filter { $0.hasPrefix(arg) }) else { return line }
        return parts[0] + " " + done
    }

    static func commonPrefix(_ words: [String]) -> String? {
        guard var prefix = words.first else { return nil }
        for w in words.dropFirst() { while !w.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix
    }

    /// `2h`, `30m`, `1d`, `90s`, `2` (hours): seconds, or nil.
    static func duration(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 7 * 86_400]
        guard let last = text.last else { return nil }
        if let n = Double(text), n > 0 { return n * 3_600 }
        guard let unit = units[last], let n = Double(text.dropLast()), n > 0 else { return nil }
        return n * unit
    }
}

extension AppState {
    /// Runs a `:` line. What it cannot do is said in the hint row, with the closest command
    /// when the word is unknown; text typed is never shown raw (`SafeText`).
    mutating func run(command line: String) -> [Effect] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let word = parts.first else { return [] }
        let arg = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if let pane = Pane.allCases.first(where: { $0.title.lowercased() == word.lowercased() }) {
            focus = pane
            return []
        }
        switch word {
        case "q", "quit", "q!": return [.quit]
        case "help":
            helpVisible = true
            helpScroll = 0
        case "toggle", "t":
            guard toggles.select(name: arg) else {
                let hint = Suggestion.didYouMean(arg, among: toggles.rows.map(\.name)).map { ": " + $0 } ?? ""
                say("No toggle named \(SafeText.line(arg, width: 40)) is loaded\(SafeText.line(hint, width: 60))", error: true)
                return []
            }
            toggles.detail = nil
            focus = .toggles
        case "session", "s":
            guard sessions.select(key: arg) else {
                say("No session \(SafeText.line(arg, width: 60)) is loaded", error: true)
                return []
            }
            sessions.detail = nil
            focus = .sessions
        case "error":
            guard !arg.isEmpty else {
                say("Which error? :error ID", error: true)
                return []
            }
            focus = .errors
            errors.query = TextInput(arg)
            return runSearch()
        case "columns": return chooseColumn(arg)
        case "ctx", "context": return switchContext(to: arg)
        case "save", "filter", "filters", "forget": return savedFilterCommand(word, arg)
        case "since":
            guard let seconds = DashboardCommand.duration(arg) else {
                say("Not a duration: \(SafeText.line(arg, width: 20)) (try :since 2h)", error: true)
                return []
            }
            errors.window = seconds
            say("Time window: last \(Formatting.window(seconds))")
            return [.setErrorWindow(seconds)] + clearRange()
        case "from", "to": return setRange(end: word, arg)
        default:
            let closest = Suggestion.didYouMean(word, among: DashboardCommand.words + Pane.allCases.map { $0.title.lowercased() })
            say("Unknown command :\(SafeText.line(word, width: 30))" + (closest.map { " — " + $0 } ?? ""), error: true)
        }
        return []
    }
}
