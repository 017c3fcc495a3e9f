/// The panes, in tab order. A plain value; what each pane does lives in its folder
/// (`Panes/<Name>/`) behind `PaneBehavior`, found through `behavior` — the one switch over panes.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case toggles, sessions, errors, logs

    /// The pane's state, keys, view and layout slot.
    var behavior: any PaneBehavior.Type {
        switch self {
        case .toggles: return TogglesPane.self
        case .sessions: return SessionsPane.self
        case .errors: return ErrorsPane.self
        case .logs: return LogsPane.self
        }
    }

    public var title: String { behavior.title }

    /// Where the pane sits in the full grid.
    public var gridSlot: GridSlot { behavior.gridSlot }

    /// The keymap context of this pane (looked up before `.global`).
    public var keyContext: KeyContext { .pane(self) }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }

    /// The panes shown side by side in the pair layout when this one has the focus: those of
    /// its grid row (the tables people act on together; the two incident feeds together).
    public var pair: [Pane] {
        Pane.allCases.filter { $0.gridSlot.row == gridSlot.row }.sorted { $0.gridSlot.column < $1.gridSlot.column }
    }
}

/// A pane's place in the full grid: its row, and its column within the row. Rows share the
/// height equally, panes of a row its width.
public struct GridSlot: Hashable, Sendable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
