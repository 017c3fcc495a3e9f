/// The part of a table that outlives a frame: which row is selected and which row is at the
/// top. A plain value owned by the pane's state on the main thread.
public struct TableState: Hashable, Sendable {
    public var selected: Int?
    public var offset: Int
    /// The person moved the selection (a key, a jump): from then on it follows the record.
    /// Until then it stays on the first row while rows arrive, so discovery finding smaller
    /// keys does not scroll the view by itself (issue 25).
    public var chosen = false

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    /// The top row that keeps `selected` visible in `visibleRows` rows while moving the view
    /// as little as possible, and never scrolls past the end.
    public func clampedOffset(rowCount: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var top = min(offset, max(0, rowCount - visibleRows))
        if let sel = selected.map({ min(max(0, $0), rowCount - 1) }) {
            if sel < top { top = sel }
            if sel >= top + visibleRows { top = sel - visibleRows + 1 }
        }
        return max(0, top)
    }

    /// Moves the selection by `delta` rows, clamped to the table.
    public mutating func move(by delta: Int, rowCount: Int) {
        guard rowCount > 0 else {
            selected = nil
            return
        }
        selected = min(max(0, (selected ?? 0) + delta), rowCount - 1)
    }

    public mutating func selectFirst(rowCount: Int) { selected = rowCount > 0 ? 0 : nil }
    public mutating func selectLast(rowCount: Int) { selected = rowCount > 0 ? rowCount - 1 : nil }
}
