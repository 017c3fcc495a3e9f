/// Where a key binding applies. The update code looks a key up in the most specific context
/// first (e.g. `.dialog`, then `.pane(.toggles)`, then `.global`). A plain value.
public enum KeyContext: Hashable, Sendable {
    case global
    /// A pane has the focus (and no field or dialog has the keys).
    case pane(Pane)
    /// Typing into the Errors search field.
    case search
    /// Typing into a pane's filter field.
    case filterField
    /// A confirmation dialog (flip toggle).
    case dialog
    /// Typing a `:` command.
    case commandLine
    /// Typing into any text field (dialog reason, search, filter).
    case textInput

    /// Every context, in the help's order: everywhere, each pane in tab order, then the fields.
    public static var allCases: [KeyContext] {
        [.global] + Pane.allCases.map { .pane($0) } + [.search, .filterField, .commandLine, .dialog, .textInput]
    }

    /// Heading used by the help overlay.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .pane(let pane): return "\(pane.title) pane"
        case .search: return "Errors search field"
        case .filterField: return "Filter field"
        case .commandLine: return "Command line"
        case .dialog: return "Confirmation dialog"
        case .textInput: return "Editing text"
        }
    }
}
