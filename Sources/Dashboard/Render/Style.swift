/// How a cell looks: colours and attributes. A plain value.
///
/// Every field is optional so styles can be layered: `nil` means "inherit from what is beneath"
/// (see `patch`). A nil colour that reaches the terminal is drawn as the terminal default.
public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?

    public init(
        fg: Color? = nil, bg: Color? = nil, bold: Bool? = nil,
        underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// No colours, no attributes: the terminal's defaults.
    public static let plain = Style()

    public var isBold: Bool { bold ?? false }
    public var isUnderline: Bool { underline ?? false }
    public var isReverse: Bool { reverse ?? false }
    public var isDim: Bool { dim ?? false }

    /// Layers `other` on top: every field `other` sets wins, the rest stays.
    public func patch(_ other: Style) -> Style {
        Style(
            fg: other.fg ?? fg, bg: other.bg ?? bg, bold: other.bold ?? bold,
            underline: other.underline ?? underline, reverse: other.reverse ?? reverse,
            dim: other.dim ?? dim)
    }

    public func fg(_ c: Color) -> Style {
        var s = self
        s.fg = c
        return s
    }
    public func bg(_ c: Color) -> Style {
        var s = self
        s.bg = c
        return s
    }
    public func bolded() -> Style {
        var s = self
        s.bold = true
        return s
    }
    public func reversed() -> Style {
        var s = self
        s.reverse = true
        return s
    }
    public func underlined() -> Style {
        var s = self
        s.underline = true
        return s
    }
}
