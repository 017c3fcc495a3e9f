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
        // A pane without a grid slot, focused, takes the screen under the tab bar at any size.
        let alone = focus.gridSlot == nil && (mode == .grid || mode == .pair)
        switch alone ? .single : mode {
        case .grid:
            tabBar = nil
            // The panes' own slots make the grid: rows share the height, a row's panes its width
            // (toggles and sessions above, the tables people act on; errors and logs below).
            let rows = Pane.gridRows
            var placed: [Pane: Rect] = [:]
            for (row, rect) in zip(rows, Layout.split(top, .vertical, Self.equal(rows.count))) {
                for (pane, cell) in zip(row, Layout.split(rect, .horizontal, Self.equal(row.count))) { placed[pane] = cell }
            }
            panes = placed
        case .pair:
            let (tabs, rest) = top.splitTop(1)
            tabBar = tabs
            let row = focus.pair
            panes = Dictionary(uniqueKeysWithValues: zip(row, Layout.split(rest, .horizontal, Self.equal(row.count))))
        case .single:
            let (tabs, rest) = top.splitTop(1)
            tabBar = tabs
            panes = [focus: rest]
        case .tooSmall:
            tabBar = nil
            panes = [:]
        }
    }

    /// `count` equal parts (the last takes the remainder).
    static func equal(_ count: Int) -> [Layout.Constraint] {
        Array(repeating: .percentage(100 / max(1, count)), count: max(0, count - 1)) + [.fill(1)]
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
        return max(1, pane.behavior.listRows(in: rect, state: self))
    }
}
