import Foundation

/// A terminal colour as a theme names it. A plain value.
///
/// The terminal layer degrades colours to what the terminal supports (see `ColorDepth`), so
/// themes may use 256-index or rgb colours freely.
public enum Color: Hashable, Sendable {
    /// The terminal's own default foreground/background (keeps transparent backgrounds).
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow
    case brightBlue, brightMagenta, brightCyan, brightWhite
    /// xterm 256-colour palette index.
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 named colours in ANSI order (index = ANSI number).
    public static let ansi16: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow,
        .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow",
        "brightBlue", "brightMagenta", "brightCyan", "brightWhite",
    ]

    /// ANSI number 0-15 for named colours, the index for `.indexed`, nil for default and rgb.
    public var paletteIndex: Int? {
        switch self {
        case .default, .rgb: return nil
        case .indexed(let i): return Int(i)
        default: return Color.ansi16.firstIndex(of: self)
        }
    }

    /// Parses `default`, a colour name (`red`, `brightRed`, `bright-red`, `bright_red`,
    /// `gray`/`grey`), a 256-palette index (`208`), or `#rrggbb`. Nil when not a colour.
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        let key = t.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        if key == "default" || key == "none" || key == "reset" {
            self = .default
            return
        }
        if key == "gray" || key == "grey" {
            self = .brightBlack
            return
        }
        if let i = Color.names.firstIndex(where: { $0.lowercased() == key }) {
            self = Color.ansi16[i]
            return
        }
        if let n = Int(key), (0...255).contains(n) {
            self = .indexed(UInt8(n))
            return
        }
        if key.hasPrefix("#"), key.count == 7, let v = UInt32(key.dropFirst(), radix: 16) {
            self = .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
            return
        }
        return nil
    }
}
