/// A table with a header row, column widths by rule, a highlighted selected row and scrolling
/// that keeps the selection visible. A plain value; see `Widget`.
///
/// Rows are pulled lazily through `row(i)`: only the rows on screen are ever asked for, so a
/// table over 100,000 sessions costs what 20 rows cost.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var row: (Int) -> TableRow
    public var state: TableState
    public var headerStyle: Style
    public var style: Style
    public var selectionStyle: Style
    /// Blank columns between neighbouring columns.
    public var columnSpacing: Int
    /// Drawn before the selected row's first cell (and as blanks before other rows).
    public var selectionSymbol: String

    public init(
        columns: [TableColumn], rowCount: Int, state: TableState = TableState(),
        headerStyle: Style = .plain, style: Style = .plain, selectionStyle: Style = Style(reverse: true),
        columnSpacing: Int = 1, selectionSymbol: String = "",
        row: @escaping (Int) -> TableRow
    ) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.row = row
        self.state = state
        self.headerStyle = headerStyle
        self.style = style
        self.selectionStyle = selectionStyle
        self.columnSpacing = columnSpacing
        self.selectionSymbol = selectionSymbol
    }

    /// Rows of data that fit under the header in `area`.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// Column widths for a table `totalWidth` wide: fixed first, then minimums, then the rest
    /// shared among min/flex columns by weight; when too narrow, rightmost columns give way.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int, spacing: Int) -> [Int] {
        let constraints = columns.map { c -> Layout.Constraint in
            switch c.width {
            case .fixed(let n): return .length(n)
            case .min(let n): return .min(n)
            case .flex(let w): return .fill(w)
            }
        }
        let rects = Layout.split(
            Rect(x: 0, y: 0, width: totalWidth, height: 1), .horizontal,
            constraints, spacing: spacing)
        return rects.map(\.width)
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let symbolWidth = TextWidth.of(selectionSymbol)
        let content = area.inset(top: 0, right: 0, bottom: 0, left: symbolWidth)
        let widths = Table.columnWidths(columns, totalWidth: content.width, spacing: columnSpacing)
        var xs: [Int] = []
        var x = content.x
        for w in widths {
            xs.append(x)
            x += w + columnSpacing
        }

        let header = area.row(0)
        buffer.fill(header, style: style.patch(headerStyle))
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            let cellArea = Rect(x: xs[i], y: header.y, width: widths[i], height: 1)
            Line(column.title, alignment: column.alignment)
                .render(in: cellArea, buffer: &buffer, base: style.patch(headerStyle))
        }

        let visible = Table.visibleRows(in: area)
        let top = state.clampedOffset(rowCount: rowCount, visibleRows: visible)
        let end = min(rowCount, top + visible)
        guard top < end else { return }
        for index in top..<end {
            let y = area.y + 1 + index - top
            let data = row(index)
            let isSelected = index == state.selected
            var rowStyle = style.patch(data.style)
            if isSelected { rowStyle = rowStyle.patch(selectionStyle) }
            let rowArea = Rect(x: area.x, y: y, width: area.width, height: 1)
            buffer.fill(rowArea, style: rowStyle)
            if symbolWidth > 0 {
                buffer.set(
                    string: isSelected ? selectionSymbol : String(repeating: " ", count: symbolWidth),
                    at: Position(x: area.x, y: y), style: rowStyle, maxWidth: symbolWidth)
            }
            for (i, column) in columns.enumerated() where widths[i] > 0 && i < data.cells.count {
                var line = data.cells[i]
                line.alignment = column.alignment
                line.render(in: Rect(x: xs[i], y: y, width: widths[i], height: 1), buffer: &buffer, base: rowStyle)
            }
            if isSelected {
                // Cell spans may set their own colours; the selection must still read as one bar.
                buffer.patchStyle(rowArea, selectionStyle)
            }
        }
    }
}
