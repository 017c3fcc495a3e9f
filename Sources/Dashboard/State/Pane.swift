/// The panes, in tab order. A plain value; what each pane does lives in its folder
/// (`Panes/<Name>/`) behind `PaneBehavior`, found through `behavior` — the one switch over panes.
public enum Pane: Int, CaseIterable, Hashable, Sendable {
    case toggles, sessions, errors, logs, server

    /// The pane's state, keys, view and layout slot.
    var behavior: any PaneBehavior.Type {
        switch self {
        case .toggles: return TogglesPane.self
        case .sessions: return SessionsPane.self
        case .errors: return ErrorsPane.self
        case .logs: return LogsPane.self
        case .server: return ServerPane.self
        }
    }

    public var title: String { behavior.title }

    /// Where the pane sits in the full grid; nil for a pane that is a tab of its own at every
    /// size (focused, it takes the whole screen under the tab bar).
    public var gridSlot: GridSlot? { behavior.gridSlot }

    /// The keymap context of this pane (looked up before `.global`).
    public var keyContext: KeyContext { .pane(self) }

    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }

    /// The panes shown side by side in the pair layout when this one has the focus: those of
    /// its grid row (the tables people act on together; the two incident feeds together); a
    /// pane without a grid slot alone.
    public var pair: [Pane] {
        guard let row = gridSlot?.row else { return [self] }
        return Pane.allCases.compactMap { pane in pane.gridSlot.flatMap { $0.row == row ? (pane, $0.column) : nil } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The panes of the full grid, by row, each row by column.
    public static var gridRows: [[Pane]] {
        let placed = allCases.compactMap { pane in pane.gridSlot.map { (pane, $0) } }
        return Dictionary(grouping: placed, by: \.1.row).sorted { $0.key < $1.key }
            .map { $0.value.sorted { $0.1.column < $1.1.column }.map(\.0) }
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
