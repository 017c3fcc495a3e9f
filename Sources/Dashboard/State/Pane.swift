/// The four panes, in tab order. A plain value.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case toggles, sessions, errors, logs

    public var title: String {
        switch self {
        case .toggles: return "Toggles"
        case .sessions: return "Sessions"
        case .errors: return "Errors"
        case .logs: return "Logs"
        }
    }

    /// The keymap context of this pane (looked up before `.global`).
    public var keyContext: KeyContext {
        switch self {
        case .toggles: return .toggles
        case .sessions: return .sessions
        case .errors: return .errors
        case .logs: return .logs
        }
    }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % 4)! }
    public var previous: Pane { Pane(rawValue: (rawValue + 3) % 4)! }
}
