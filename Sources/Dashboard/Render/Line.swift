import Foundation

/// One line of styled text: spans drawn left to right. A plain value.
///
/// Rendering looks at no more characters than fit, so a line holding a huge value is cheap.
public struct Line: Hashable, Sendable, ExpressibleByStringLiteral {
    public var spans: [Span]
    public var alignment: Alignment

    public init(_ spans: [Span], alignment: Alignment = .left) {
        self.spans = spans
        self.alignment = alignment
    }

    public init(_ text: String, style: Style = .plain, alignment: Alignment = .left) {
        self.init([Span(text, style: style)], alignment: alignment)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var width: Int { spans.reduce(0) { $0 + $1.width } }

    /// The text without styles.
    public var plainText: String { spans.map(\.text).joined() }

    /// `text` with every case-insensitive occurrence of any of `terms` in `highlight` (layered
    /// over `base`). Empty terms are ignored; overlapping matches merge.
    public static func highlighting(
        _ text: String, terms: [String], base: Style = .plain,
        highlight: Style, alignment: Alignment = .left
    ) -> Line {
        let needles = terms.filter { !$0.isEmpty }
        guard !needles.isEmpty, !text.isEmpty else { return Line(text, style: base, alignment: alignment) }
        var marked: [Range<String.Index>] = []
        for needle in needles {
            var from = text.startIndex
            while from < text.endIndex,
                let r = text.range(of: needle, options: [.caseInsensitive], range: from..<text.endIndex)
            {
                marked.append(r)
                from = r.upperBound > r.lowerBound ? r.upperBound : text.index(after: r.lowerBound)
            }
        }
        guard !marked.isEmpty else { return Line(text, style: base, alignment: alignment) }
        marked.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<String.Index>] = []
        for r in marked {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        var spans: [Span] = []
        var cursor = text.startIndex
        let hl = base.patch(highlight)
        for r in merged {
            if cursor < r.lowerBound { spans.append(Span(String(text[cursor..<r.lowerBound]), style: base)) }
            spans.append(Span(String(text[r]), style: hl))
            cursor = r.upperBound
        }
        if cursor < text.endIndex { spans.append(Span(String(text[cursor...]), style: base)) }
        return Line(spans, alignment: alignment)
    }

    /// Draws the line in one row of `area`, each span's style layered over `base`. When the
    /// line is wider than the area it is cut and ends in `…` (when `ellipsis`). Returns the
    /// columns used.
    @discardableResult
    public func render(
        in area: Rect, buffer: inout ScreenBuffer, base: Style = .plain,
        ellipsis: Bool = true
    ) -> Int {
        guard area.width > 0, area.height > 0 else { return 0 }
        let limit = area.width
        // Lay out at most limit+1 columns: enough to know whether anything is cut.
        var glyphs: [(Character, Int, Style)] = []
        var used = 0
        var overflow = false
        outer: for span in spans {
            let style = base.patch(span.style)
            for ch in span.text {
                let w = SafeText.needsReplacement(ch) ? 1 : TextWidth.of(ch)
                if used + w > limit {
                    overflow = true
                    break outer
                }
                glyphs.append((ch, w, style))
                used += w
            }
        }
        if overflow && ellipsis {
            while let last = glyphs.last, used + 1 > limit {
                glyphs.removeLast()
                used -= last.1
            }
            glyphs.append((SafeText.ellipsis, 1, glyphs.last?.2 ?? base.patch(spans.last?.style ?? .plain)))
            used += 1
        }
        var x = area.x
        switch alignment {
        case .left: break
        case .right: x += max(0, limit - used)
        case .center: x += max(0, (limit - used) / 2)
        }
        let start = x
        for (ch, _, style) in glyphs {
            x += buffer.set(character: ch, at: Position(x: x, y: area.y), style: style, clip: area)
        }
        return x - start
    }
}
