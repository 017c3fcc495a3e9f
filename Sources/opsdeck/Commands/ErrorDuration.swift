import Foundation

/// Parses `--since` durations: a whole number and a unit, `90s`, `30m`, `2h`, `1d`, `1w`.
/// A bare number is refused (a pipeline that meant minutes must not silently get seconds),
/// and so is zero (an empty window would pass every gate). A pure namespace; thread-safe.
enum ErrorDuration {
    static let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]

    /// Seconds, or nil when `text` is not a usable duration (see `problem`).
    static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last, let multiplier = units[unit] else { return nil }
        let digits = trimmed.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits),
            value > 0, value <= 100 * 365 * 86400
        else { return nil }
        return Double(value) * multiplier
    }

    /// Why `text` is refused as `--since`, or nil when it is fine.
    static func problem(_ text: String) -> String? {
        guard seconds(text) == nil else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let number = Int(trimmed), number > 0 {
            return "--since '\(trimmed)' needs a unit: did you mean \(number)m? (units: s, m, h, d, w — e.g. 90s, 30m, 2h, 1d)"
        }
        if let number = Int(trimmed.dropLast()), number == 0, units[Character(trimmed.suffix(1).lowercased())] != nil {
            return "--since must be more than zero: an empty window counts nothing and would pass every gate"
        }
        if trimmed == "0" { return "--since must be more than zero: an empty window counts nothing and would pass every gate" }
        return "--since '\(text)' is not a duration: use a number and a unit, e.g. 90s, 30m, 2h, 1d"
    }
}
