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

    /// The width that fits `title` and every value (their widest), kept between `floor` and `cap`:
    /// columns sized by their content, so a short column never takes space a long one needs.
    /// Callers pass a bounded sample (the first few hundred rows) so the cost stays flat.
    public static func fit(_ title: String, _ values: some Sequence<String>, floor: Int = 1, cap: Int) -> Int {
        var widest = TextWidth.of(title)
        for value in values where widest < cap { widest = max(widest, TextWidth.of(value, cappedAt: cap)) }
        return min(cap, max(floor, widest))
    }

    public init(_ title: String, width: Width, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}
