import Spelling

/// Why a theme could not be loaded. The description names the file and what is wrong, ready
/// to print to the user.
public enum ThemeError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(source: String, reason: String)
    /// The file was read but is not a valid theme; every problem found is listed.
    case invalid(source: String, problems: [String])
    /// No file for the theme name in any searched place.
    case notFound(name: String, searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let source, let reason):
            return "cannot read theme file \(source): \(reason)"
        case .invalid(let source, let problems):
            return "invalid theme file \(source):\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .notFound(let name, let searched):
            let builtIn = EmbeddedThemes.names
            let hint = Suggestion.didYouMean(name, among: builtIn).map { " (\($0))" } ?? ""
            return "no theme named '\(name)'\(hint). Built-in themes: \(builtIn.joined(separator: ", ")); "
                + "or give the path of a theme file (--theme ./mine.yaml)."
                + searched.map { "\n  also looked for \($0)" }.joined()
        }
    }
}
