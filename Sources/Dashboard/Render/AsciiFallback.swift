/// What a cell shows on a terminal whose locale is not UTF-8 (`LANG=C`): borders as `+-|`,
/// common symbols as their nearest ASCII, anything else as `?` (a wide cell's right half is
/// padded by the terminal layer, so columns stay where the buffer put them). Pure; any thread.
public enum AsciiFallback {
    static let table: [Unicode.Scalar: String] = {
        var map: [Unicode.Scalar: String] = [:]
        for s in "─━═╌┄".unicodeScalars { map[s] = "-" }
        for s in "│┃║╎┆".unicodeScalars { map[s] = "|" }
        for s in "┌┐└┘├┤┬┴┼╭╮╰╯╔╗╚╝".unicodeScalars { map[s] = "+" }
        let singles: [(Character, String)] = [
            ("…", "~"), ("·", "."), ("•", "*"), ("●", "*"), ("○", "o"), ("→", ">"), ("←", "<"), ("↑", "^"), ("↓", "v"),
            ("▲", "^"), ("▼", "v"), ("▶", ">"), ("◀", "<"), ("✓", "v"), ("✗", "x"), ("—", "-"), ("–", "-"),
            ("‘", "'"), ("’", "'"), ("“", "\""), ("”", "\""), ("↵", "$"), ("␛", "^"), ("█", "#"), ("░", ":"),
            ("▒", ":"), ("▓", "#"), ("≈", "~"), ("≥", ">"), ("≤", "<"), ("×", "x"), ("\u{FFFD}", "?"),
        ]
        for (ch, ascii) in singles { map[ch.unicodeScalars.first!] = ascii }
        return map
    }()

    /// The ASCII stand-in for one cell's symbol (unchanged when it is ASCII already).
    public static func symbol(_ symbol: String) -> String {
        if symbol.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return symbol }
        guard let first = symbol.unicodeScalars.first else { return " " }
        if let mapped = table[first] { return mapped }
        // Control pictures (U+2400…) are placeholders for control characters.
        return "?"
    }
}
