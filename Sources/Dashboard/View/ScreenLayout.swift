/// Where everything goes on a screen of a given size: the tab bar (one-pane mode), the pane
/// rectangles, the status bar and the key-hint row. A plain value computed per frame, and by
/// `update` for page sizes, so both agree on what is visible.
public struct ScreenLayout: Hashable, Sendable {
    public var mode: LayoutMode
    public var tabBar: Rect?
    /// The panes on screen with their rectangles: all four in grid mode, the focused one else.
    public var panes: [Pane: Rect]
    /// Everything above the status bar (where overlays are centred).
    public var main: Rect
    public var status: Rect
    public var hints: Rect

    public init(width: Int, height: Int, focus: Pane) {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        mode = LayoutMode(width: width, height: height)
        let (top, bottom) = area.splitBottom(2)
        main = top
        status = bottom.row(0)
        hints = bottom.row(1)
        switch mode {
        case .grid:
            tabBar = nil
            // 2x2: toggles and sessions above (the tables people act on), errors and logs below.
            let rows = Layout.split(top, .vertical, [.percentage(50), .fill(1)])
            let upper = Layout.split(rows[0], .horizontal, [.percentage(50), .fill(1)])
            let lower = Layout.split(rows[1], .horizontal, [.percentage(50), .fill(1)])
            panes = [.toggles: upper[0], .sessions: upper[1], .errors: lower[0], .logs: lower[1]]
        case .pair:
            let (tabs, rest) = top.splitTop(1)
            tabBar = tabs
            let halves = Layout.split(rest, .horizontal, [.percentage(50), .fill(1)])
            let (left, right) = focus.pair
            panes = [left: halves[0], right: halves[1]]
        case .single:
            let (tabs, rest) = top.splitTop(1)
            tabBar = tabs
            panes = [focus: rest]
        case .tooSmall:
            tabBar = nil
            panes = [:]
        }
    }

    /// The rectangle `pane` has or would have when focused.
    public func rect(for pane: Pane) -> Rect {
        if let r = panes[pane] { return r }
        return panes.values.first ?? .zero
    }
}

extension AppState {
    /// Data rows the pane's list shows at the current size (its page size).
    func listRows(for pane: Pane) -> Int {
        let rect = ScreenLayout(width: width, height: height, focus: focus).rect(for: pane)
        let rows: Int
        switch pane {
        case .toggles: rows = TogglesPane.tableArea(in: rect, state: self).height - 1
        case .sessions: rows = SessionsPane.tableArea(in: rect, state: self).height - 1
        case .errors: rows = ErrorsPane.areas(in: rect, state: self).table.height - 1
        case .logs: rows = LogsPane.areas(in: rect, state: self).lines.height
        }
        return max(1, rows)
    }
}
