import CCurses
import Dashboard

/// Maps (foreground, background) colours to curses colour pairs, allocating pairs lazily on
/// first use. Owned by `CursesTerminal`; main thread only, like every curses call.
struct ColorPairs {
    private struct Key: Hashable {
        let fg: Int32
        let bg: Int32
    }
    private var cache: [Key: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32

    init(limit: Int32) {
        self.limit = limit
    }

    /// The pair for the colours (nil = terminal default). Pair 0 (defaults) when pairs run out,
    /// so an exotic theme degrades to plain text instead of failing.
    mutating func pair(fg: Color?, bg: Color?) -> Int32 {
        let key = Key(fg: ColorPairs.number(fg), bg: ColorPairs.number(bg))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let p = cache[key] { return p }
        guard next < limit else { return 0 }
        let p = next
        if ccurses_init_pair(p, key.fg, key.bg) != ERR {
            next += 1
            cache[key] = p
            return p
        }
        return 0
    }

    /// The curses colour number: -1 for the default colour (use_default_colors), 0-255 else.
    static func number(_ color: Color?) -> Int32 {
        guard let color else { return -1 }
        switch color {
        case .default: return -1
        case .rgb(let r, let g, let b): return Int32(xterm256(r: Int(r), g: Int(g), b: Int(b)))
        default: return Int32(color.paletteIndex ?? -1)
        }
    }

    /// Nearest xterm-256 entry (colour cube or grey ramp) to an RGB colour.
    static func xterm256(r: Int, g: Int, b: Int) -> Int {
        func level(_ v: Int) -> Int { v < 48 ? 0 : v < 115 ? 1 : (v - 35) / 40 }
        let levels = [0, 95, 135, 175, 215, 255]
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = 16 + 36 * lr + 6 * lg + lb
        let cubeDistance = sq(levels[lr] - r) + sq(levels[lg] - g) + sq(levels[lb] - b)
        let average = (r + g + b) / 3
        let grayIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let gray = 8 + 10 * grayIndex
        let grayDistance = sq(gray - r) + sq(gray - g) + sq(gray - b)
        return grayDistance < cubeDistance ? 232 + grayIndex : cube
    }

    private static func sq(_ v: Int) -> Int { v * v }
}
