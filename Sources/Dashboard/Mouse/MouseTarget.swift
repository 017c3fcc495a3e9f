/// What is under a screen cell: a tab of the tab bar, or a pane (and, over a table, which data
/// row). Pure, computed from the same `ScreenLayout` and pane geometry the view draws with, so
/// a click lands where the person sees it; main queue.
public enum MouseTarget: Hashable, Sendable {
    case tab(Pane)
    /// `row`: the index of the data row under the pointer in the pane's list (nil: the border,
    /// the header, a detail view, blank space below the last row).
    case pane(Pane, row: Int?)

    /// The target at (`x`, `y`) on the screen `state` describes; nil outside anything that
    /// answers a click (status bar, hint row, a separator, a screen too small).
    public static func at(x: Int, y: Int, in state: AppState) -> MouseTarget? {
        let layout = ScreenLayout(width: state.width, height: state.height, focus: state.focus)
        if let bar = layout.tabBar, bar.contains(x: x, y: y) {
            return TabBar.index(atX: x - bar.x, titles: tabTitles(state)).flatMap { Pane(rawValue: $0) }.map { .tab($0) }
        }
        for (pane, rect) in layout.panes where rect.contains(x: x, y: y) {
            return .pane(pane, row: pane.behavior.list(in: rect, state: state)?.row(atY: y))
        }
        return nil
    }
}

/// A pane's table as laid out on screen: where it is (its header on the first row), its
/// selection and scroll, and how many rows it has. What `MouseTarget` needs to turn a pointer
/// row into a data row. Plain value.
struct PaneList: Hashable {
    var area: Rect
    var table: TableState
    var rowCount: Int

    /// The data row drawn at screen row `y`, with `Table.render`'s own scroll rule.
    func row(atY y: Int) -> Int? {
        let visible = Table.visibleRows(in: area)
        let line = y - area.y - 1
        guard line >= 0, line < visible else { return nil }
        let index = table.clampedOffset(rowCount: rowCount, visibleRows: visible) + line
        return index < rowCount ? index : nil
    }
}

/// The tab titles, `1 Toggles ●`: one place for the view and the mouse.
func tabTitles(_ state: AppState) -> [String] {
    Pane.allCases.map { "\($0.rawValue + 1) \($0.title)" + (state.unseen.contains($0) ? " ●" : "") }
}
