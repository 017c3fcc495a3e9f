/// One terminal cell of a `ScreenBuffer`. A plain value.
///
/// A wide (2-column) grapheme lives in its head cell with `width == 2`; the cell to its right
/// is a continuation (`width == 0`, empty symbol) that the terminal layer never draws itself.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already safe for the terminal ("" for a continuation).
    public var symbol: String
    /// Display columns: 1, 2, or 0 for a continuation cell.
    public var width: UInt8
    public var style: Style

    public init(symbol: String, width: UInt8, style: Style) {
        self.symbol = symbol
        self.width = width
        self.style = style
    }

    public static let blank = Cell(symbol: " ", width: 1, style: .plain)

    public static func blank(_ style: Style) -> Cell { Cell(symbol: " ", width: 1, style: style) }

    static func continuation(_ style: Style) -> Cell { Cell(symbol: "", width: 0, style: style) }

    public var isContinuation: Bool { width == 0 }
}
