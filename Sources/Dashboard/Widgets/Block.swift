/// A box around content: box-drawing border, an optional title in the top border, and padding
/// inside. A plain value; see `Widget`.
public struct Block: Widget, Sendable {
    public var title: String?
    public var borders: Bool
    public var borderStyle: Style
    public var titleStyle: Style
    /// Cells between the border and the content: top, right, bottom, left.
    public var padding: (top: Int, right: Int, bottom: Int, left: Int)
    /// Fills the whole area (with `fillStyle`) before drawing, e.g. for dialogs.
    public var clear: Bool
    public var fillStyle: Style

    public init(
        title: String? = nil, borders: Bool = true, borderStyle: Style = .plain,
        titleStyle: Style = .plain, padding: (top: Int, right: Int, bottom: Int, left: Int) = (0, 0, 0, 0),
        clear: Bool = false, fillStyle: Style = .plain
    ) {
        self.title = title
        self.borders = borders
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.padding = padding
        self.clear = clear
        self.fillStyle = fillStyle
    }

    /// A pane block whose border and title use the focused styles when `focused`.
    public static func pane(title: String, focused: Bool, theme: Theme) -> Block {
        Block(
            title: title,
            borderStyle: theme[focused ? .borderFocused : .border],
            titleStyle: theme[focused ? .titleFocused : .title])
    }

    /// The area left for content inside border and padding.
    public func inner(_ area: Rect) -> Rect {
        let b = borders ? 1 : 0
        return area.inset(
            top: b + padding.top, right: b + padding.right,
            bottom: b + padding.bottom, left: b + padding.left)
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        if clear { buffer.fill(area, style: fillStyle) }
        if borders && area.width >= 2 && area.height >= 2 {
            let s = borderStyle
            let top = area.top, bottom = area.bottom - 1, left = area.left, right = area.right - 1
            let horizontal = String(repeating: "─", count: area.width - 2)
            buffer.set(string: "┌" + horizontal + "┐", at: Position(x: left, y: top), style: s)
            buffer.set(string: "└" + horizontal + "┘", at: Position(x: left, y: bottom), style: s)
            for y in (top + 1)..<bottom {
                buffer.set(character: "│", at: Position(x: left, y: y), style: s)
                buffer.set(character: "│", at: Position(x: right, y: y), style: s)
            }
        }
        if let title, !title.isEmpty, area.width > 4 {
            let row = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
            let text = SafeText.line(" \(title) ", width: row.width)
            Line(text, style: titleStyle).render(in: row, buffer: &buffer, base: borderStyle)
        }
    }
}
