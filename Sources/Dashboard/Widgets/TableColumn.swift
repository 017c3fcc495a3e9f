/// One column of a `Table`: header title, width rule and alignment. A plain value.
public struct TableColumn: Hashable, Sendable {
    public enum Width: Hashable, Sendable {
        /// Exactly n columns (shrinks only when the table is too narrow).
        case fixed(Int)
        /// At least n columns, growing like `flex(1)` when space is left.
        case min(Int)
        /// A weighted share of the space left after fixed and minimum widths.
        case flex(Int)
    }

    public var title: String
    public var width: Width
    /// `.right` for numbers so digits line up.
    public var alignment: Alignment

    public init(_ title: String, width: Width, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
