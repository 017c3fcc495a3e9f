/// One row of a `Table`: a styled line per column, plus an optional style for the whole row
/// (e.g. the theme's `changedFlash` for a row that just changed). A plain value.
public struct TableRow: Sendable {
    public var cells: [Line]
    public var style: Style

    public init(_ cells: [Line], style: Style = .plain) {
        self.cells = cells
        self.style = style
    }

    /// A row of plain strings; untrusted text should go through `SafeText` first.
    public init(strings: [String], style: Style = .plain) {
        self.init(strings.map { Line($0) }, style: style)
    }
}
