/// A centred modal box: bordered with a title, body text (wrapped), an optional labelled input
/// field and a hint line naming the keys. It clears what is beneath it. A plain value; see
/// `Widget`.
public struct Dialog: Widget, Sendable {
    public var title: String
    public var body: [Line]
    public var inputLabel: String?
    public var input: TextInput?
    public var inputFocused: Bool
    public var hint: String
    /// Preferred outer width; shrinks to fit the screen.
    public var width: Int
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var inputStyle: Style
    public var hintStyle: Style

    public init(
        title: String, body: [Line], inputLabel: String? = nil, input: TextInput? = nil,
        inputFocused: Bool = false, hint: String, width: Int = 60,
        style: Style = .plain, borderStyle: Style = .plain, titleStyle: Style = Style(bold: true),
        inputStyle: Style = Style(underline: true), hintStyle: Style = .plain
    ) {
        self.title = title
        self.body = body
        self.inputLabel = inputLabel
        self.input = input
        self.inputFocused = inputFocused
        self.hint = hint
        self.width = width
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.inputStyle = inputStyle
        self.hintStyle = hintStyle
    }

    /// Styles from the theme's `dialog`, `dialogBorder`, `titleFocused`, `input`, `muted` roles.
    public init(
        title: String, body: [Line], inputLabel: String? = nil, input: TextInput? = nil,
        inputFocused: Bool = false, hint: String, width: Int = 60, theme: Theme
    ) {
        self.init(
            title: title, body: body, inputLabel: inputLabel, input: input, inputFocused: inputFocused,
            hint: hint, width: width, style: theme[.dialog], borderStyle: theme[.dialog].patch(theme[.dialogBorder]),
            titleStyle: theme[.dialog].patch(theme[.titleFocused]), inputStyle: theme[.input],
            hintStyle: theme[.dialog].patch(theme[.muted]))
    }

    private var block: Block {
        Block(
            title: title, borderStyle: borderStyle, titleStyle: titleStyle,
            padding: (0, 1, 0, 1), clear: true, fillStyle: style)
    }

    /// Where the dialog lands inside `area`.
    public func frame(in area: Rect) -> Rect {
        let w = min(width, max(0, area.width - 2))
        let innerWidth = max(1, w - 4)
        let bodyRows = Paragraph(body).layout(width: innerWidth).count
        let inputRows = input == nil ? 0 : 2 + (inputLabel == nil ? 0 : 1)
        let h = 2 + bodyRows + inputRows + 2
        return area.centered(width: w, height: h)
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        block.render(area: box, buffer: &buffer)
        let inner = block.inner(box)
        // Rows from the bottom: hint, blank, [field, label?, blank], body fills the rest.
        let (above, hintRow) = inner.splitBottom(1)
        var (rest, _) = above.splitBottom(1)
        if let input {
            let (upper, field) = rest.splitBottom(1)
            rest = upper
            input.render(
                area: field, buffer: &buffer, style: inputStyle,
                cursorStyle: Style(reverse: true), focused: inputFocused)
            if let label = inputLabel {
                let (upper2, labelRow) = rest.splitBottom(1)
                rest = upper2
                Line(label, style: style).render(in: labelRow, buffer: &buffer)
            }
            rest = rest.splitBottom(1).0
        }
        Paragraph(body, style: style).render(area: rest, buffer: &buffer)
        buffer.fill(hintRow, style: style)
        Line(hint, alignment: .right).render(in: hintRow, buffer: &buffer, base: hintStyle)
    }
}
