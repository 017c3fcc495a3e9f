/// The Logs pane's place, keys and movement (see `PaneBehavior`): moving up scrolls back in
/// time and pauses the tail. Pure; main queue.
extension LogsPane: PaneBehavior {
    static var title: String { "Logs" }
    static var gridSlot: GridSlot? { GridSlot(row: 1, column: 1) }
    static var dataParts: [DataPart] { [.logs] }
    static var bindings: [KeyBinding] {
        [
            KeyBinding([.char("p")], .pauseLogs, "Pause/resume tail", context: .pane(.logs), hint: "pause/resume"),
            KeyBinding([.char("s")], .cycleSeverity, "Minimum severity", context: .pane(.logs), hint: "severity"),
            KeyBinding([.char("w")], .wrapLogs, "Wrap long lines", context: .pane(.logs), hint: "wrap"),
        ]
    }

    static func listRows(in rect: Rect, state: AppState) -> Int { areas(in: rect, state: state).lines.height }

    static func isEditingText(_ state: AppState) -> Bool { state.logs.editingFilter }

    static func startFilter(_ state: inout AppState) { state.logs.editingFilter = true }

    static func editField(_ key: Key, state: inout AppState) {
        if state.logs.filterInput.handle(key, keymap: state.keymap) { state.logs.scrollBack = 0 }
    }

    static func fieldAction(_ action: KeyAction, state: inout AppState) -> [Effect] {
        state.logs.editingFilter = false
        if action == .clearFilter { state.logs.filterInput = TextInput() }
        return []
    }

    static func fieldNote(_ state: AppState) -> String? { "source:NAME or text, filtered live" }

    static func move(_ move: AppState.Move, page: Int, state: inout AppState) {
        if state.logs.detail != nil {
            state.logs.detailScroll = move.scrolled(state.logs.detailScroll)
            return
        }
        // Up (negative) goes back in time, i.e. grows the distance from the newest line.
        switch move {
        case .by(let n): state.logs.scroll(by: -n, visibleRows: page)
        case .top: state.logs.scroll(by: Int.max / 2, visibleRows: page)
        case .bottom: state.logs.resume()
        }
    }

    /// Enter: the line at the bottom of the view, whole and wrapped.
    static func openDetails(_ state: inout AppState) -> [Effect] {
        guard let line = state.logs.lineAtBottom() else {
            state.say("No log line to show yet")
            return []
        }
        state.logs.detail = line
        state.logs.detailScroll = 0
        return []
    }

    static func back(_ state: inout AppState) -> [Effect] {
        if state.logs.detail != nil {
            state.logs.detail = nil
        } else if !state.logs.filterInput.isEmpty || state.logs.minLevel != .debug {
            state.logs.filterInput = TextInput()
            state.logs.minLevel = .debug
        }
        return []
    }

    static func perform(_ action: KeyAction, state: inout AppState) -> [Effect]? {
        switch action {
        case .pauseLogs:
            if state.logs.paused { state.logs.resume() } else { state.logs.pause() }
        case .cycleSeverity:
            let levels: [LogLevel] = [.debug, .info, .warning, .error, .critical]
            let i = levels.firstIndex(of: state.logs.minLevel) ?? 0
            state.logs.minLevel = levels[(i + 1) % levels.count]
            state.logs.scrollBack = 0
            state.say("Logs: showing \(state.logs.minLevel.name) and above")
        case .wrapLogs:
            state.logs.wrap.toggle()
            state.say(state.logs.wrap ? "Logs: long lines wrap (w cuts them again)" : "Logs: long lines cut at the edge")
        default:
            return nil
        }
        return []
    }

    static func hints(_ state: AppState) -> [KeyAction] {
        state.logs.detail != nil ? [.back, .moveDown] : [.pauseLogs, .cycleSeverity, .filter, .wrapLogs]
    }
}
