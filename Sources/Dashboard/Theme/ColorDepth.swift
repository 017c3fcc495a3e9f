/// How many colours the terminal can show; decides how theme colours are degraded. Detected
/// once by the terminal layer (`COLORS`, `NO_COLOR`).
public enum ColorDepth: Int, Hashable, Sendable, Comparable {
    /// No colour at all (0 colours, or `NO_COLOR` set): attributes only.
    case none = 0
    case eight = 8
    case sixteen = 16
    /// 256 colours or more; rgb colours map to the nearest palette entry.
    case full = 256

    public init(colorCount: Int, noColor: Bool = false) {
        if noColor || colorCount < 8 {
            self = .none
        } else if colorCount < 16 {
            self = .eight
        } else if colorCount < 256 {
            self = .sixteen
        } else {
            self = .full
        }
    }

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// xterm's default RGB for palette index 0...255.
    public static func rgb(ofIndex i: Int) -> (Int, Int, Int) {
        let base16: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if i < 16 { return base16[max(0, i)] }
        if i >= 232 {
            let g = 8 + 10 * (i - 232)
            return (g, g, g)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let n = i - 16
        return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
    }

    /// The nearest of the 16 ANSI colours to an RGB value.
    public static func nearest16(_ r: Int, _ g: Int, _ b: Int) -> Color {
        var best = 0, bestDistance = Int.max
        for i in 0..<16 {
            let (cr, cg, cb) = rgb(ofIndex: i)
            // Weighted like human sensitivity (green most), cheap and good enough for 16 slots.
            let d = 2 * (cr - r) * (cr - r) + 4 * (cg - g) * (cg - g) + 3 * (cb - b) * (cb - b)
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return Color.ansi16[best]
    }
}

extension Color {
    /// This colour on a terminal of `depth`: nil means "no colour" (depth `.none`).
    /// 8-colour terminals get bright colours as their base colour; `Style.degraded` adds bold
    /// for bright foregrounds so the distinction survives on terminals that brighten bold.
    public func degraded(to depth: ColorDepth) -> Color? {
        switch depth {
        case .none: return nil
        case .full: return self
        case .sixteen, .eight:
            var c = self
            switch self {
            case .default: return .default
            case .indexed(let i): c = Int(i) < 16 ? Color.ansi16[Int(i)] : ColorDepth.nearest16(ColorDepth.rgb(ofIndex: Int(i)))
            case .rgb(let r, let g, let b): c = ColorDepth.nearest16(Int(r), Int(g), Int(b))
            default: break
            }
            guard depth == .eight, let i = c.paletteIndex, i >= 8 else { return c }
            return Color.ansi16[i - 8]
        }
    }

    var isBright: Bool { (paletteIndex ?? 0) >= 8 && (paletteIndex ?? 0) < 16 }
}

extension ColorDepth {
    static func nearest16(_ rgb: (Int, Int, Int)) -> Color { nearest16(rgb.0, rgb.1, rgb.2) }
}

extension Style {
    /// This style on a terminal of `depth`. Without colours, a coloured background becomes
    /// reverse video so selections and badges stay visible; a foreground equal to its
    /// background after degrading is dropped for reverse video so text never vanishes.
    public func degraded(to depth: ColorDepth) -> Style {
        var s = self
        switch depth {
        case .full:
            return self
        case .none:
            s.fg = nil
            s.bg = nil
            if let bg, bg != .default, reverse == nil { s.reverse = true }
            return s
        case .sixteen, .eight:
            s.fg = fg.flatMap { $0.degraded(to: depth) }
            s.bg = bg.flatMap { $0.degraded(to: depth) }
            if depth == .eight, let f = fg?.degraded(to: .sixteen), f.isBright {
                if f == .brightBlack {
                    s.fg = nil
                    s.dim = true
                } else {
                    s.bold = true
                }
            }
            if let f = s.fg, let b = s.bg, f == b, f != .default {
                s.fg = nil
                s.bg = nil
                s.reverse = !(reverse ?? false)
            }
            return s
        }
    }
}
