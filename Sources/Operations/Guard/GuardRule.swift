import Foundation

/// When a guarded flip goes back (docs/guarded-flips.md, "The rule language").
///
/// Two forms, words separated by spaces, case-insensitive:
/// - `errors > 20 in 5m`: more than 20 errors of the toggle within the last 5 minutes since the
///   flip (`>=` for "at least").
/// - `rate > 3x before [in 5m] [min 5]`: the toggle's error rate since the flip (over at most the
///   window) above 3 times its rate in the window before the flip, once at least `min` errors
///   (default 5) were seen, so one error after a quiet spell cannot trip it.
///
/// An immutable value, `Sendable`; parsing is pure.
public struct GuardRule: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// More than (or, `inclusive`, at least) `limit` errors in the window.
        case count(limit: Int, inclusive: Bool)
        /// A rate above `factor` times the rate before the flip, once `minimum` errors were seen.
        case rate(factor: Double, minimum: Int)
    }

    public let kind: Kind
    /// The window, seconds.
    public let window: TimeInterval
    /// The rule as typed, normalised (single spaces, lower case).
    public let text: String

    /// The window a rate rule uses when it names none, and its default minimum count.
    public static let defaultRateWindow: TimeInterval = 300
    public static let defaultMinimum = 5

    /// Parses `text`; `.invalidInput` says what is wrong and shows both forms.
    public init(_ text: String) throws(OperationsError) {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        self.text = words.joined(separator: " ")
        var reader = Reader(words: words)
        switch reader.next() {
        case "errors":
            let inclusive = try reader.comparison()
            guard let limit = reader.next().flatMap({ Int($0) }), limit >= 0 else {
                throw Self.problem(text, "the number after the comparison must be a whole number, 0 or more")
            }
            guard reader.next() == "in" else { throw Self.problem(text, "a count needs a window: `in 5m`") }
            window = try Self.duration(reader.next(), in: text)
            kind = .count(limit: limit, inclusive: inclusive)
        case "rate":
            guard try !reader.comparison() else { throw Self.problem(text, "a rate rule takes `>`") }
            guard let word = reader.next(), word.hasSuffix("x"), let factor = Double(word.dropLast()),
                factor.isFinite, factor >= 1
            else {
                throw Self.problem(text, "a rate rule needs a factor of at least 1 like `3x`")
            }
            guard reader.next() == "before" else { throw Self.problem(text, "a rate compares with `before`: `rate > 3x before`") }
            var window = Self.defaultRateWindow
            var minimum = Self.defaultMinimum
            while let word = reader.next() {
                switch word {
                case "in": window = try Self.duration(reader.next(), in: text)
                case "min":
                    guard let value = reader.next().flatMap({ Int($0) }), value >= 1 else {
                        throw Self.problem(text, "`min` takes a whole number of errors, at least 1")
                    }
                    minimum = value
                default: throw Self.problem(text, "unexpected `\(word)`: a rate rule may end with `in 5m` and `min 5`")
                }
            }
            self.window = window
            kind = .rate(factor: factor, minimum: minimum)
        default:
            throw Self.problem(text, "a rule starts with `errors` or `rate`")
        }
        if let extra = reader.next() { throw Self.problem(text, "unexpected `\(extra)` at the end") }
    }

    /// What the rule says given the errors counted: broken or not, with the figures in words
    /// (`23 errors in 5m > 20`). `count` is the errors since the flip within the window,
    /// `watched` how long that span is (seconds), `before` the errors in the window before the flip.
    public func evaluate(count: Int, watched: TimeInterval, before: Int) -> (broken: Bool, figures: String) {
        switch kind {
        case .count(let limit, let inclusive):
            let broken = inclusive ? count >= limit : count > limit
            let sign = broken ? (inclusive ? ">=" : ">") : (inclusive ? "<" : "<=")
            return (broken, "\(count) errors in \(Self.spell(window)) \(sign) \(limit)")
        case .rate(let factor, let minimum):
            let span = max(watched, 1)
            let now = Double(count) / span * 60
            let earlier = Double(before) / window * 60
            let broken = count >= minimum && now > factor * earlier
            let figures =
                "\(count) errors in \(Self.spell(span)) = \(Self.perMinute(now))/min "
                + "\(broken ? ">" : "<=") \(Self.perMinute(factor))x before (\(Self.perMinute(earlier))/min), min \(minimum)"
            return (broken, figures)
        }
    }

    /// The short progress figure dashboards show: `3/20` for a count rule, `3/5 min` before a rate rule may trip.
    public func progress(count: Int) -> String {
        switch kind {
        case .count(let limit, _): return "\(count)/\(limit)"
        case .rate(_, let minimum): return "\(count)/\(minimum) min"
        }
    }

    /// `5m`, `90s`, `2h`: the largest unit that divides the span.
    public static func spell(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600, whole % 3600 == 0 { return "\(whole / 3600)h" }
        if whole >= 60, whole % 60 == 0 { return "\(whole / 60)m" }
        return "\(whole)s"
    }

    /// Seconds in a duration word (`90s`, `5m`, `2h`), or nil.
    public static func seconds(_ word: String) -> TimeInterval? {
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600]
        guard let unit = word.lowercased().last, let scale = units[unit], let value = Int(word.dropLast()), value > 0,
            Double(value) * scale <= 7 * 86400
        else { return nil }
        return Double(value) * scale
    }

    private static func perMinute(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    private static func duration(_ word: String?, in text: String) throws(OperationsError) -> TimeInterval {
        guard let word, let seconds = seconds(word) else {
            throw problem(text, "`\(word ?? "")` is not a window: a number and s, m or h, e.g. 90s, 5m, 1h (at most a week)")
        }
        return seconds
    }

    private static func problem(_ text: String, _ why: String) -> OperationsError {
        .invalidInput("guard rule '\(text)': \(why). Rules: `errors > 20 in 5m` or `rate > 3x before [in 5m] [min 5]`")
    }

    /// Words in order; `comparison` reads `>` or `>=` (true for `>=`).
    private struct Reader {
        var words: [String]
        var index = 0

        mutating func next() -> String? {
            guard index < words.count else { return nil }
            defer { index += 1 }
            return words[index]
        }

        mutating func comparison() throws(OperationsError) -> Bool {
            switch next() {
            case ">": return false
            case ">=": return true
            case let other: throw GuardRule.problem(words.joined(separator: " "), "expected `>` or `>=`, found `\(other ?? "")`")
            }
        }
    }
}
