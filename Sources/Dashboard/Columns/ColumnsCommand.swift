import Spelling

/// `:columns` lists the focused table's columns (hidden ones in brackets); `:columns NAME`
/// hides that column or shows it again, and asks the executable to remember the choice
/// (`Effect.saveColumns`). The row's identity cannot be hidden. Pure; main queue.
extension AppState {
    mutating func chooseColumn(_ arg: String) -> [Effect] {
        guard let table = focus.behavior.chooserColumns(self) else {
            say("No table here to choose columns of", error: true)
            return []
        }
        let names = table.titles.filter { !$0.isEmpty }.map(Self.plainTitle)
        guard !arg.isEmpty else {
            let listed = names.map { columnChoice.hides($0, in: table.table) ? "[\($0)]" : $0 }
            say("Columns: " + listed.joined(separator: " · ") + " — :columns NAME hides or shows one", seconds: 10)
            return []
        }
        guard let name = names.first(where: { ColumnChoice.key($0) == ColumnChoice.key(arg) }) else {
            let hint = Suggestion.didYouMean(arg, among: names).map { " — " + $0 } ?? ""
            say("No column \(SafeText.line(arg, width: 30)) here\(SafeText.line(hint, width: 60))", error: true)
            return []
        }
        guard ColumnChoice.key(name) != ColumnChoice.key(table.primary) else {
            say("\(name) is what each row is; it stays", error: true)
            return []
        }
        let hidden = columnChoice.toggle(name, in: table.table)
        keepSelectionsVisible()
        say(hidden ? "\(name) hidden (:columns \(ColumnChoice.key(name)) shows it)" : "\(name) shown")
        return [.saveColumns(columnChoice)]
    }

    /// A header without its sort arrow.
    static func plainTitle(_ title: String) -> String {
        title.hasSuffix("▲") || title.hasSuffix("▼") ? String(title.dropLast()) : title
    }

    /// The column names `:columns` completes in the focused table.
    var chooserNames: [String] {
        (focus.behavior.chooserColumns(self)?.titles ?? []).filter { !$0.isEmpty }.map { ColumnChoice.key(Self.plainTitle($0)) }
    }
}
