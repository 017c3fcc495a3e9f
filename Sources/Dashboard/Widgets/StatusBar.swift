/// The bottom status line: left segments (pane, hints) and right segments (badges such as
/// `READ-ONLY`, `PAUSED`, freshness). When both do not fit, the right side wins and the left
/// is cut with `…`. A plain value; see `Widget`.
public struct StatusBar: Widget, Sendable {
    public var left: [Span]
    public var right: [Span]
    public var style: Style

    public init(left: [Span], right: [Span] = [], style: Style = .plain) {
        self.left = left
        self.right = right
        self.style = style
    }

    /// A badge: the label padded with one space each side, in `style`.
    public static func badge(_ label: String, style: Style) -> Span {
        Span(" \(label) ", style: style)
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        var rightSpans: [Span] = []
        for (i, s) in right.enumerated() {
            if i > 0 { rightSpans.append(Span(" ", style: style)) }
            rightSpans.append(s)
        }
        let rightLine = Line(rightSpans, alignment: .right)
        let rightWidth = min(rightLine.width, row.width)
        rightLine.render(
            in: Rect(x: row.right - rightWidth, y: row.y, width: rightWidth, height: 1),
            buffer: &buffer, base: style)
        let leftWidth = max(0, row.width - rightWidth - (rightWidth > 0 ? 1 : 0))
        Line(left).render(in: Rect(x: row.x, y: row.y, width: leftWidth, height: 1), buffer: &buffer, base: style)
    }
}
