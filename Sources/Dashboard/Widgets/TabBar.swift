/// A row of tab titles with the active one highlighted, e.g. ` 1 Toggles │ 2 Sessions `.
/// A plain value; see `Widget`.
public struct TabBar: Widget, Sendable {
    public var titles: [String]
    public var selected: Int
    public var activeStyle: Style
    public var inactiveStyle: Style
    public var separator: String
    public var style: Style

    public init(
        titles: [String], selected: Int, activeStyle: Style = Style(reverse: true),
        inactiveStyle: Style = .plain, separator: String = "│", style: Style = .plain
    ) {
        self.titles = titles
        self.selected = selected
        self.activeStyle = activeStyle
        self.inactiveStyle = inactiveStyle
        self.separator = separator
        self.style = style
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: style)
        var spans: [Span] = []
        for (i, title) in titles.enumerated() {
            if i > 0 { spans.append(Span(separator, style: style)) }
            spans.append(Span(" \(title) ", style: i == selected ? activeStyle : inactiveStyle))
        }
        Line(spans).render(in: row, buffer: &buffer, base: style)
    }

    /// The tab drawn at column `x` of the bar (0: its first cell); nil on a separator or past
    /// the last tab. Measures the titles as `render` lays them out.
    public static func index(atX x: Int, titles: [String], separator: String = "│") -> Int? {
        var start = 0
        for (i, title) in titles.enumerated() {
            if i > 0 { start += TextWidth.of(separator) }
            let end = start + TextWidth.of(" \(title) ")
            if x >= start && x < end { return i }
            start = end
        }
        return nil
    }
}
