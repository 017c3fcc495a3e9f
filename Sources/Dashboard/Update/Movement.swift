/// Cursor movement in the focused pane: tables move their selection, detail views and the log
/// tail scroll (each pane's `PaneBehavior.move`). Pure; main queue.
extension AppState {
    enum Move {
        case by(Int)
        case top, bottom

        /// A detail view's scroll position moved: detail views scroll freely, the renderer
        /// clamps to the content it lays out.
        /// The move in a pane that shows either a table or, when open, a detail view over it.
        func apply(detailOpen: Bool, scroll: inout Int, table: inout TableState, rowCount: Int) {
            if detailOpen {
                scroll = scrolled(scroll)
            } else {
                table.apply(self, rowCount: rowCount)
            }
        }

        func scrolled(_ value: Int) -> Int {
            switch self {
            case .by(let n): return max(0, value + n)
            case .top: return 0
            case .bottom: return Int.max / 4
            }
        }
    }

    mutating func move(_ m: Move) {
        focus.behavior.move(m, page: listRows(for: focus), state: &self)
        keepSelectionsVisible()
    }

    /// Keeps every pane's selection on screen after the data or the size changed.
    mutating func keepSelectionsVisible() {
        for pane in Pane.allCases { pane.behavior.keepSelectionVisible(&self, rows: listRows(for: pane)) }
    }
}

extension TableState {
    mutating func apply(_ m: AppState.Move, rowCount: Int) {
        chosen = true
        switch m {
        case .by(let n): move(by: n, rowCount: rowCount)
        case .top: selectFirst(rowCount: rowCount)
        case .bottom: selectLast(rowCount: rowCount)
        }
    }
}
