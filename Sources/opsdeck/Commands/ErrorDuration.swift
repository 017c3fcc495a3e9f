import Foundation

/// Parses `--since` durations: a whole number and a unit, `90s`, `30m`, `2h`, `1d`, `1w`
/// (a bare number means seconds). A pure namespace; thread-safe.
enum ErrorDuration {
    static func seconds(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = trimmed.last else { return nil }
        let multipliers: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        let (digits, multiplier) = unit.isNumber
            ? (Substring(trimmed), 1.0) : (trimmed.dropLast(), multipliers[unit] ?? 0)
        guard multiplier > 0, !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 0,
              value <= 100 * 365 * 86400
        else { return nil }
        return Double(value) * multiplier
    }
}
