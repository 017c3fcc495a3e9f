import Foundation

/// A toggle's `releaseNum`, ordered as a version rather than as text. Its own small module so
/// the data layer (CLI sorting) and the UI core (the Toggles pane's release sort) share one rule.
///
/// "2.5" < "2.10" < "10.0"; a leading "v" is ignored ("v3.1" == 3.1 for ordering); a suffix after
/// the numbers sorts before the plain release ("2.5-beta" < "2.5"); missing components count as
/// zero. Values that do not start with a number sort after every numeric one, as text.
/// Ties are broken by the raw text, so the order is total and consistent with `==`.
public struct ReleaseVersion: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let raw: String
    /// The numeric components, empty when the value does not start with a number.
    public let components: [Int]
    /// Whatever follows the numeric components ("-beta", "rc1"), empty for a plain release.
    public let suffix: String

    public init(_ raw: String) {
        self.raw = raw
        var rest = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if let first = rest.first, first == "v" || first == "V", rest.dropFirst().first?.isASCIIDigit == true {
            rest = rest.dropFirst()
        }
        var numbers: [Int] = []
        while true {
            let digits = rest.prefix(while: \.isASCIIDigit)
            if digits.isEmpty { break }
            // Huge components saturate instead of failing: the order stays sensible.
            numbers.append(Int(digits) ?? Int.max)
            rest = rest.dropFirst(digits.count)
            guard rest.first == ".", rest.dropFirst().first?.isASCIIDigit == true else { break }
            rest = rest.dropFirst()
        }
        components = numbers
        suffix = numbers.isEmpty ? raw : String(rest)
    }

    public var isNumeric: Bool { !components.isEmpty }

    public var description: String { raw }

    public static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        switch (lhs.isNumeric, rhs.isNumeric) {
        case (true, false): return true
        case (false, true): return false
        case (false, false): return lhs.raw < rhs.raw
        case (true, true): break
        }
        let length = max(lhs.components.count, rhs.components.count)
        for index in 0..<length {
            let left = index < lhs.components.count ? lhs.components[index] : 0
            let right = index < rhs.components.count ? rhs.components[index] : 0
            if left != right { return left < right }
        }
        if lhs.suffix.isEmpty != rhs.suffix.isEmpty { return !lhs.suffix.isEmpty }
        if lhs.suffix != rhs.suffix { return lhs.suffix < rhs.suffix }
        return lhs.raw < rhs.raw
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
