/// Where a key binding applies. The update code looks a key up in the most specific context
/// first (e.g. `.dialog`, then `.toggles`, then `.global`).
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case global
    case toggles
    case sessions
    case errors
    case logs
    /// Typing into the Errors search field.
    case search
    /// A confirmation dialog (flip toggle).
    case dialog
    /// Typing into any text field (dialog reason, search).
    case textInput

    /// Heading used by the help overlay.
    public var title: String {
        switch self {
        case .global: return "Everywhere"
        case .toggles: return "Toggles pane"
        case .sessions: return "Sessions pane"
        case .errors: return "Errors pane"
        case .logs: return "Logs pane"
        case .search: return "Errors search field"
        case .dialog: return "Confirmation dialog"
        case .textInput: return "Editing text"
        }
    }
}
