/// How the screen is arranged, derived from the terminal size. A plain value.
public enum LayoutMode: Hashable, Sendable {
    /// All four panes at once (at least `gridSize`).
    case grid
    /// Two panes side by side under a tab bar: the focused one and its companion (Toggles with
    /// Sessions, Errors with Logs), from `pairSize` up to the grid.
    case pair
    /// One pane at a time under a tab bar.
    case single
    /// Too small to draw anything useful: a message says so instead of garbling.
    case tooSmall

    public static let gridSize = (width: 160, height: 48)
    public static let pairSize = (width: 120, height: 40)
    public static let minimumSize = (width: 60, height: 16)

    public init(width: Int, height: Int) {
        if width >= LayoutMode.gridSize.width && height >= LayoutMode.gridSize.height {
            self = .grid
        } else if width >= LayoutMode.pairSize.width && height >= LayoutMode.pairSize.height {
            self = .pair
        } else if width >= LayoutMode.minimumSize.width && height >= LayoutMode.minimumSize.height {
            self = .single
        } else {
            self = .tooSmall
        }
    }
}
