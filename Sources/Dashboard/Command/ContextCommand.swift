import Spelling

extension AppState {
    /// `:ctx NAME`: asks the runtime to leave this context for NAME (`Effect.switchContext`),
    /// which resolves it exactly as `--context NAME` would at start. Without a name, lists the
    /// contexts; an unknown name changes nothing and suggests the closest. Pure; main queue.
    mutating func switchContext(to name: String) -> [Effect] {
        let known = commandLine.contexts
        guard !known.isEmpty else {
            say("No contexts in the config (docs/connecting.md)", error: true)
            return []
        }
        let current = server?.contextName
        guard !name.isEmpty else {
            let list = known.map { $0 == current ? "[\($0)]" : $0 }.joined(separator: " ")
            say("Contexts: \(SafeText.line(list, width: 200)) (:ctx NAME switches)")
            return []
        }
        guard known.contains(name) else {
            let hint = Suggestion.didYouMean(name, among: known).map { " — " + $0 } ?? ""
            say("No context named \(SafeText.line(name, width: 40))\(SafeText.line(hint, width: 60))", error: true)
            return []
        }
        guard name != current else {
            say("Already on context \(SafeText.line(name, width: 40))")
            return []
        }
        return [.switchContext(name: name)]
    }
}
