/// Cursor movement in the focused pane: tables move their selection, detail views and the log
/// tail scroll. Pure; main queue.
extension AppState {
    enum Move { case by(Int), top, bottom }

    mutating func move(_ m: Move) {
        let page = listRows(for: focus)
        switch focus {
        case .toggles:
            if toggles.detail != nil {
                toggles.detailScroll = scrolled(toggles.detailScroll, m)
            } else {
                toggles.table.apply(m, rowCount: toggles.visible.count)
            }
        case .sessions:
            if sessions.detail != nil {
                sessions.detailScroll = scrolled(sessions.detailScroll, m)
            } else {
                sessions.table.apply(m, rowCount: sessions.visible.count)
            }
        case .errors:
            if errors.detail != nil {
                errors.detailScroll = scrolled(errors.detailScroll, m)
            } else {
                errors.table.apply(m, rowCount: errors.rows.count)
            }
        case .logs:
            if logs.detail != nil {
                logs.detailScroll = scrolled(logs.detailScroll, m)
                return
            }
            // Up (negative) goes back in time, i.e. grows the distance from the newest line.
            switch m {
            case .by(let n): logs.scroll(by: -n, visibleRows: page)
            case .top: logs.scroll(by: Int.max / 2, visibleRows: page)
            case .bottom: logs.resume()
            }
        }
        keepSelectionsVisible()
    }

    /// Detail views scroll freely; the renderer clamps to the content it lays out.
    private func scrolled(_ value: Int, _ m: Move) -> Int {
        switch m {
        case .by(let n): return max(0, value + n)
        case .top: return 0
        case .bottom: return Int.max / 4
        }
    }
}

extension TableState {
    mutating func apply(_ m: AppState.Move, rowCount: Int) {
        switch m {
        case .by(let n): move(by: n, rowCount: rowCount)
        case .top: selectFirst(rowCount: rowCount)
        case .bottom: selectLast(rowCount: rowCount)
        }
    }
}
