/// The Server pane's place, keys and movement (see `PaneBehavior`): a tab of its own at every
/// size (the grid keeps the four data panes), read-only, scrolled with the movement keys.
/// Pure; main queue.
extension ServerPane: PaneBehavior {
    static var title: String { "Server" }
    static var gridSlot: GridSlot? { nil }
    static var dataParts: [DataPart] { [.serverStats, .slowLog, .clientList] }

    static func listRows(in rect: Rect, state: AppState) -> Int { max(1, rect.height - 2) }

    static func isEditingText(_ state: AppState) -> Bool { false }

    /// Nothing to filter: the pane is a few dozen lines.
    static func startFilter(_ state: inout AppState) { state.say("The Server pane has no filter") }

    static func editField(_ key: Key, state: inout AppState) {}

    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect] { [] }

    static func move(_ move: AppState.Move, page: Int, state: inout AppState) {
        let total = ServerPane.lines(state, theme: Theme.monochrome).count
        state.serverPane.scroll = min(move.scrolled(state.serverPane.scroll), max(0, total - page))
    }

    static func openDetails(_ state: inout AppState) -> [Effect] { [] }

    static func back(_ state: inout AppState) -> [Effect] {
        state.serverPane.scroll = 0
        return []
    }

    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]? { nil }

    static func hints(_ state: AppState) -> [KeyAction] { [.moveDown, .refresh] }
}
