/// Styled text, optionally word-wrapped, scrolled vertically. A plain value; see `Widget`.
///
/// Wrapping breaks at spaces and hard-breaks words longer than a row; only the rows up to the
/// scroll position plus the visible height are laid out.
public struct Paragraph: Widget, Sendable {
    public var lines: [Line]
    public var wrap: Bool
    /// Rows skipped at the top (after wrapping).
    public var scroll: Int
    public var style: Style

    public init(_ lines: [Line], wrap: Bool = true, scroll: Int = 0, style: Style = .plain) {
        self.lines = lines
        self.wrap = wrap
        self.scroll = max(0, scroll)
        self.style = style
    }

    public init(text: String, wrap: Bool = true, scroll: Int = 0, style: Style = .plain) {
        self.init(
            text.split(separator: "\n", omittingEmptySubsequences: false).map { Line(String($0)) },
            wrap: wrap, scroll: scroll, style: style)
    }

    public func render(area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: style)
        let rows = layout(width: area.width, maxRows: scroll + area.height)
        for (i, row) in rows.dropFirst(scroll).prefix(area.height).enumerated() {
            row.render(in: area.row(i), buffer: &buffer, base: style, ellipsis: !wrap)
        }
    }

    /// The rows this paragraph occupies at `width` (at most `maxRows`).
    public func layout(width: Int, maxRows: Int = .max) -> [Line] {
        guard wrap, width > 0 else { return Array(lines.prefix(maxRows)) }
        var rows: [Line] = []
        for line in lines {
            if rows.count >= maxRows { break }
            rows.append(contentsOf: Paragraph.wrap(line, width: width, maxRows: maxRows - rows.count))
        }
        return rows
    }

    /// Word-wraps one styled line.
    static func wrap(_ line: Line, width: Int, maxRows: Int) -> [Line] {
        typealias Glyph = (ch: Character, w: Int, style: Style)
        var rows: [[Glyph]] = [[]]
        var rowWidth = 0
        var lastSpace: Int? = nil // index in the current row after which we may break
        let (product, overflow) = width.multipliedReportingOverflow(by: maxRows)
        let budget = overflow ? Int.max : product + 1
        var seen = 0
        outer: for span in line.spans {
            for ch in span.text {
                if seen >= budget { break outer }
                seen += 1
                let w = SafeText.needsReplacement(ch) ? 1 : TextWidth.of(ch)
                if rowWidth + w > width {
                    if ch == " " {
                        // A space at the break is swallowed.
                        rows.append([])
                        rowWidth = 0
                        lastSpace = nil
                        if rows.count > maxRows { break outer }
                        continue
                    }
                    var carry: [Glyph] = []
                    if let s = lastSpace {
                        carry = Array(rows[rows.count - 1][(s + 1)...])
                        rows[rows.count - 1].removeSubrange(s...)
                    }
                    rows.append(carry)
                    rowWidth = carry.reduce(0) { $0 + $1.w }
                    lastSpace = nil
                    if rows.count > maxRows { break outer }
                }
                if ch == " " { lastSpace = rows[rows.count - 1].count }
                rows[rows.count - 1].append((ch, w, span.style))
                rowWidth += w
            }
        }
        return rows.prefix(maxRows).map { glyphs in
            var spans: [Span] = []
            for g in glyphs {
                if let last = spans.last, last.style == g.style {
                    spans[spans.count - 1].text.append(g.ch)
                } else {
                    spans.append(Span(String(g.ch), style: g.style))
                }
            }
            return Line(spans, alignment: line.alignment)
        }
    }
}
