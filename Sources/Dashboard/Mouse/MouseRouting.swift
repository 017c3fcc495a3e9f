/// Mouse handling: a click on a tab switches to it; a click in a pane focuses it and selects
/// the row under the pointer; the wheel scrolls the pane under the pointer. Each goes through
/// the same steps as the keys (`focus`, `move`), so the pane's rules (a detail view scrolls, the
/// selection is followed once chosen) hold alike. Pure; main queue.
extension AppState {
    mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        // Overlays and text fields keep the keys; the mouse does not reach behind them.
        guard !helpVisible, dialog == nil, !commandLine.isOpen, !isEditingText else { return [] }
        guard let target = MouseTarget.at(x: event.x, y: event.y, in: self) else { return [] }
        switch (event.kind, target) {
        case (.press, .tab(let pane)):
            focus = pane
        case (.press, .pane(let pane, let row)):
            focus = pane
            if let row, let list = pane.behavior.list(in: layoutRect(pane), state: self) {
                move(.by(row - (list.table.selected ?? 0)))
            }
        case (.wheelUp, .pane(let pane, _)), (.wheelDown, .pane(let pane, _)):
            focus = pane
            move(.by(event.kind == .wheelUp ? -MouseEvent.wheelStep : MouseEvent.wheelStep))
        case (.wheelUp, .tab), (.wheelDown, .tab):
            break
        }
        keepSelectionsVisible()
        return []
    }

    /// The pane's rectangle on the current screen.
    func layoutRect(_ pane: Pane) -> Rect {
        ScreenLayout(width: width, height: height, focus: focus).rect(for: pane)
    }
}
