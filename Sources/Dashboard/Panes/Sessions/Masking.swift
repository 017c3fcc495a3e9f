/// Masks personal data in session values, because on-call screens are shared: e-mail
/// addresses keep their first letter and domain (`j•••••••@jsmith.com`), phone numbers their
/// last four digits (`•••-•••-2222`). A fixed number of dots hides the length too. Stateless.
public enum Masking {
    public static let dot: Character = "•"

    /// The value with e-mail and phone numbers masked; other values unchanged.
    public static func mask(_ value: String) -> String {
        if isEmail(value) { return maskEmail(value) }
        if isPhone(value) { return maskPhone(value) }
        return value
    }

    static func isEmail(_ v: String) -> Bool {
        guard let at = v.firstIndex(of: "@"), at != v.startIndex, !v.contains(" ") else { return false }
        let domain = v[v.index(after: at)...]
        return domain.contains(".") && !domain.contains("@")
    }

    static func maskEmail(_ v: String) -> String {
        guard let at = v.firstIndex(of: "@"), let first = v.first else { return v }
        return String(first) + String(repeating: dot, count: 7) + v[at...]
    }

    /// 7 to 15 digits, with only separators people write in phone numbers.
    static func isPhone(_ v: String) -> Bool {
        let digits = v.filter(\.isASCII).filter(\.isNumber).count
        guard (7...15).contains(digits) else { return false }
        return v.allSatisfy { ($0.isASCII && $0.isNumber) || " -+().".contains($0) }
    }

    static func maskPhone(_ v: String) -> String {
        let total = v.filter { $0.isASCII && $0.isNumber }.count
        var seen = 0
        return String(
            v.map { ch -> Character in
                guard ch.isASCII && ch.isNumber else { return ch }
                seen += 1
                return seen > total - 4 ? ch : dot
            })
    }
}
