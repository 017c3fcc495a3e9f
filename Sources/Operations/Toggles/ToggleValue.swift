/// A toggle's `toggle` field exactly as stored, with what it means.
///
/// Services write the same meaning in many spellings (`True`/`False`, `true`/`false`, `1`/`0`,
/// `on`/`off`, `yes`/`no`, `enabled`/`disabled`); reading matches them case-insensitively, and writing keeps the
/// toggle's own spelling so a service that compares strings keeps working after a flip.
/// Encodes as the bare raw string.
public struct ToggleValue: Sendable, Hashable, Codable, CustomStringConvertible {
    public let raw: String

    public init(_ raw: String) { self.raw = raw }

    /// The known spellings as (on, off) pairs, lower-cased: the one vocabulary of states, for
    /// values read from Redis and for what people type (`toggles set X on`, `--expect`).
    static let spellings: [(on: String, off: String)] = [
        ("on", "off"), ("true", "false"), ("1", "0"), ("yes", "no"), ("enabled", "disabled"),
    ]

    /// "on/off, true/false, 1/0, yes/no, enabled/disabled": what help and messages list.
    public static let vocabulary = spellings.map { "\($0.on)/\($0.off)" }.joined(separator: ", ")

    public var state: ToggleState {
        // Surrounding whitespace is tolerated on read (hand-typed values), but kept on write.
        let folded = raw.trimmingWhitespace().lowercased()
        for pair in Self.spellings {
            if folded == pair.on { return .on }
            if folded == pair.off { return .off }
        }
        return .unknown
    }

    /// Whether the raw value is exactly a known spelling, all lower case, Capitalised or ALL
    /// UPPER (`True`, `off`, `YES`, `1`). Anything else that still reads as on or off
    /// (`" True"`, `tRuE`) is odd: an application comparing strings may read it otherwise, so
    /// the screen shows the raw text beside the state (issue 24, bug 4).
    public var isCanonical: Bool {
        Self.spellings.contains { pair in
            [pair.on, pair.off].contains { word in
                raw == word || raw == word.uppercased() || raw == word.prefix(1).uppercased() + word.dropFirst()
            }
        }
    }

    /// The raw value that means `on` in this toggle's own spelling and letter case:
    /// "yes" -> "no", "TRUE" -> "FALSE", "On" -> "Off"; `True`/`False` for an unknown value.
    public func spelled(_ on: Bool) -> String {
        let trimmed = raw.trimmingWhitespace()
        let folded = trimmed.lowercased()
        guard let pair = Self.spellings.first(where: { folded == $0.on || folded == $0.off }) else {
            return on ? "True" : "False"
        }
        let word = on ? pair.on : pair.off
        return Self.matchCase(of: trimmed, word)
    }

    /// Copies the letter case style of `model` (all upper, capitalised, or lower) onto `word`.
    static func matchCase(of model: String, _ word: String) -> String {
        let letters = model.filter(\.isLetter)
        guard let first = letters.first else { return word }
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return word.uppercased() }
        if first.isUppercase { return word.prefix(1).uppercased() + word.dropFirst() }
        return word
    }

    public var description: String { raw }

    public init(from decoder: any Decoder) throws {
        raw = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
