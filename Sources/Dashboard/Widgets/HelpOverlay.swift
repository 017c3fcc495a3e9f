/// The `?` help screen, generated from a `Keymap`: a centred box listing bindings grouped by
/// context, flowing into as many columns as fit. Bindings of one context that share a
/// description share a row (`←/→  Move cursor`). A plain value; see `Widget`.
public struct HelpOverlay: Widget, Sendable {
    public var keymap: Keymap
    /// Rows skipped when the help does not fit (PgDn in the help).
    public var scroll: Int
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var headingStyle: Style
    public var keyStyle: Style

    public init(
        keymap: Keymap = .standard, scroll: Int = 0, style: Style = .plain,
        borderStyle: Style = .plain, titleStyle: Style = Style(bold: true),
        headingStyle: Style = Style(bold: true, underline: true), keyStyle: Style = Style(bold: true)
    ) {
        self.keymap = keymap
        self.scroll = max(0, scroll)
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.headingStyle = headingStyle
        self.keyStyle = keyStyle
    }

    public init(keymap: Keymap = .standard, scroll: Int = 0, theme: Theme) {
        self.init(
            keymap: keymap, scroll: scroll, style: theme[.dialog],
            borderStyle: theme[.dialog].patch(theme[.dialogBorder]),
            titleStyle: theme[.dialog].patch(theme[.titleFocused]),
            headingStyle: theme[.dialog].patch(theme[.header]), keyStyle: theme[.dialog].patch(Style(bold: true)))
    }

    /// What the marks at the start of a row and in the State column mean (issue 25: they were
    /// explained nowhere). The toggle detail shows the same legend.
    public static let markers: [(String, String)] = [
        ("*", "Changed by others now"),
        ("!", "Errors rose after flip"),
        ("?", "Value it cannot read"),
    ]

    static let columnWidth = 37
    static let keyColumn = 12

    enum Row: Equatable {
        case heading(String)
        case entry(keys: String, description: String)
    }

    /// The help as rows: a heading per context, then one row per distinct description.
    func rows() -> [Row] {
        var rows: [Row] = []
        for context in KeyContext.allCases {
            let bindings = keymap.bindings(in: context)
            guard !bindings.isEmpty else { continue }
            rows.append(.heading(context.title))
            var order: [String] = []
            var keys: [String: [String]] = [:]
            for b in bindings {
                if keys[b.description] == nil { order.append(b.description) }
                keys[b.description, default: []].append(b.keyLabel)
            }
            for d in order { rows.append(.entry(keys: keys[d]!.joined(separator: "/"), description: d)) }
        }
        rows.append(.heading("Commands (after :)"))
        for (command, meaning) in DashboardCommand.help { rows.append(.entry(keys: command, description: meaning)) }
        rows.append(.heading("Row markers"))
        for (mark, meaning) in HelpOverlay.markers { rows.append(.entry(keys: mark, description: meaning)) }
        return rows
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        let box = area.centered(width: min(area.width, 80), height: area.height)
        let block = Block(
            title: "Keys — ? or Esc closes", borderStyle: borderStyle, titleStyle: titleStyle,
            padding: (0, 1, 0, 1), clear: true, fillStyle: style)
        block.render(area: box, buffer: &buffer)
        let inner = block.inner(box)
        guard !inner.isEmpty else { return }
        let columns = max(1, (inner.width + 1) / (HelpOverlay.columnWidth + 1))
        let colWidth = (inner.width - (columns - 1)) / columns
        let all = rows()
        var visible = Array(all.dropFirst(scroll))
        let capacity = columns * inner.height
        let truncated = visible.count > capacity
        if truncated { visible = Array(visible.prefix(capacity - 1)) }
        // Never leave a heading alone at the bottom of a column.
        var placed: [(Row, Int, Int)] = []
        var col = 0, y = 0
        for (i, row) in visible.enumerated() {
            if case .heading = row, y == inner.height - 1, i + 1 < visible.count {
                col += 1
                y = 0
            }
            if y >= inner.height {
                col += 1
                y = 0
            }
            if col >= columns { break }
            placed.append((row, col, y))
            y += 1
        }
        for (row, c, ry) in placed {
            let cell = Rect(x: inner.x + c * (colWidth + 1), y: inner.y + ry, width: colWidth, height: 1)
            switch row {
            case .heading(let title):
                Line(title).render(in: cell, buffer: &buffer, base: headingStyle)
            case .entry(let keys, let description):
                let (keyArea, descArea) = cell.splitLeft(HelpOverlay.keyColumn)
                Line(" " + keys).render(in: keyArea, buffer: &buffer, base: keyStyle)
                Line(description).render(in: descArea, buffer: &buffer, base: style)
            }
        }
        if truncated {
            let last = Rect(x: inner.x, y: inner.bottom - 1, width: inner.width, height: 1)
            Line("… more: PgDn", alignment: .right).render(in: last, buffer: &buffer, base: style)
        }
    }
}
