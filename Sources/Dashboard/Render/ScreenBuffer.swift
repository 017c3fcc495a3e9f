/// An in-memory grid of cells that widgets render into. A plain value: build one per frame on
/// the main thread, hand it to the terminal layer, keep it to diff the next frame against.
///
/// Invariants the terminal layer relies on: every head cell holds one grapheme that is free of
/// control characters (the buffer replaces them itself, whatever callers pass), and a wide
/// grapheme is always followed by its continuation cell — never split at an edge.
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < width, y >= 0, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one grapheme at a position, repairing any wide character it half-covers.
    /// Returns the columns used (0 when it does not fit or is off-buffer).
    ///
    /// The one place text safety is enforced for the screen: whatever path a grapheme took,
    /// here controls, escapes and bidi controls become placeholders, combining-mark runs are
    /// capped, and graphemes terminals draw at different widths are replaced (see `SafeText`).
    @discardableResult
    public mutating func set(character: Character, at p: Position, style: Style, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard bounds.contains(x: p.x, y: p.y) else { return 0 }
        if let capped = SafeText.cappingCombining(character) {
            return set(character: capped, at: p, style: style, clip: clip)
        }
        var symbol = String(character)
        var w = TextWidth.of(character)
        if SafeText.needsReplacement(character) {
            symbol = SafeText.placeholder(for: character)
            w = 1
        } else if let drawable = SafeText.drawable(character) {
            // Drawn as graphemes every terminal agrees on, one cell each (see `SafeText.drawable`).
            var used = 0
            for part in drawable {
                used += set(character: part, at: Position(x: p.x + used, y: p.y), style: style, clip: clip)
            }
            return used
        }
        if w == 0 {
            // A lone zero-width grapheme has no cell of its own; dropping it keeps columns true.
            return 0
        }
        if w == 2 && p.x + 1 >= bounds.right { return 0 }
        clearWide(at: p.x, y: p.y)
        if w == 2 { clearWide(at: p.x + 1, y: p.y) }
        cells[p.y * width + p.x] = Cell(symbol: symbol, width: UInt8(w), style: style)
        if w == 2 { cells[p.y * width + p.x + 1] = .continuation(style) }
        return w
    }

    /// Writes a string left to right from `at`, stopping at `maxWidth` columns, the buffer edge
    /// or the `clip` edge, whichever comes first. A wide character that would straddle the limit
    /// is not written. Returns the columns used. Only the characters shown are looked at, so a
    /// huge string costs no more than a short one.
    @discardableResult
    public mutating func set(
        string: String, at p: Position, style: Style,
        maxWidth: Int = .max, clip: Rect? = nil
    ) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard p.y >= bounds.top, p.y < bounds.bottom, p.x < bounds.right else { return 0 }
        let limit = min(maxWidth, bounds.right - p.x)
        var used = 0
        var x = p.x
        for ch in string {
            if used >= limit { break }
            if x < bounds.left {
                x += max(TextWidth.of(ch), 0)
                continue
            }
            let w = SafeText.needsReplacement(ch) ? 1 : TextWidth.of(ch)
            if used + w > limit { break }
            let n = set(character: ch, at: Position(x: x, y: p.y), style: style, clip: bounds)
            if n == 0 && w > 0 { break }
            used += n
            x += n
        }
        return used
    }

    /// Fills a rectangle with one cell (spaces by default), clipped to the buffer.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            clearWide(at: r.left, y: y)
            clearWide(at: r.right - 1, y: y)
            for x in r.left..<r.right { cells[y * width + x] = cell }
        }
    }

    /// Fills a rectangle with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        fill(rect, with: .blank(style))
    }

    /// Layers `style` over the existing style of every cell in `rect` (keeps the text).
    public mutating func patchStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            for x in r.left..<r.right { cells[y * width + x].style = cells[y * width + x].style.patch(style) }
        }
    }

    /// The cells that differ from `previous`, in row order, without continuation cells (their
    /// head cell is listed whenever they change). A buffer of another size differs everywhere.
    public func diff(from previous: ScreenBuffer) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for y in 0..<height {
            for x in 0..<width {
                let i = y * width + x
                let cell = cells[i]
                if sameSize && previous.cells[i] == cell { continue }
                if cell.isContinuation {
                    // Changed continuation with unchanged head: the head's right half was
                    // overwritten before, so redraw the head.
                    if x > 0, sameSize, previous.cells[i - 1] == cells[i - 1] {
                        changes.append(CellChange(x: x - 1, y: y, cell: cells[i - 1]))
                    }
                    continue
                }
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }

    /// The buffer as plain text rows, one String per row, continuation cells omitted (so a wide
    /// character looks two columns wide in a monospace font). Trailing spaces are kept.
    public func lines() -> [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { s += cells[y * width + x].symbol }
            return s
        }
    }

    /// `lines()` joined by newlines, for comparing with literal pictures in tests.
    public var debugPicture: String { lines().joined(separator: "\n") }

    /// When (x, y) is either half of a wide character, blanks both halves (keeping the style)
    /// so no half-character survives an overwrite.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let c = cells[i]
        if c.isContinuation, x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
            cells[i] = .blank(c.style)
        } else if c.width == 2, x + 1 < width {
            cells[i] = .blank(c.style)
            cells[i + 1] = .blank(cells[i + 1].style)
        }
    }
}
