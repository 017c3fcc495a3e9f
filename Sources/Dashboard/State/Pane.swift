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

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }

    /// The two panes shown side by side in the pair layout when this one has the focus: the
    /// tables people act on together, and the two incident feeds together.
    public var pair: (left: Pane, right: Pane) {
        switch self {
        case .toggles, .sessions: return (.toggles, .sessions)
        case .errors, .logs: return (.errors, .logs)
        }
    }
}
