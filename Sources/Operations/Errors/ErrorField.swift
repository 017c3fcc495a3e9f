/// The four fields of an error record (docs/DATA-MODEL.md), with the names people type for them.
///
/// The raw value is the field name as stored in Redis and declared in the index schema, so it
/// doubles as the stable JSON spelling.
public enum ErrorField: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case toggleName
    case toggleValue
    case fingerPrint
    case exceptionBody

    public var description: String { rawValue }

    /// Short names accepted in queries (`toggle:x`, `dev:john`), besides the field name itself.
    public var aliases: [String] {
        switch self {
        case .toggleName: return ["toggle", "name"]
        case .toggleValue: return ["value"]
        case .fingerPrint: return ["fingerprint", "dev", "developer", "by"]
        case .exceptionBody: return ["exception", "body", "text", "message"]
        }
    }

    /// The field a name typed in a query stands for: field names and aliases, case-insensitive,
    /// with an optional leading `@` (RediSearch's own spelling, which people paste).
    public init?(queryName: String) {
        var name = Substring(queryName)
        if name.hasPrefix("@") { name = name.dropFirst() }
        let folded = name.lowercased()
        for field in ErrorField.allCases
        where field.rawValue.lowercased() == folded || field.aliases.contains(folded) {
            self = field
            return
        }
        return nil
    }

    /// "toggleName (toggle:, name:), ..." for error messages.
    public static var helpList: String {
        allCases.map { field in
            "\(field.rawValue) (" + field.aliases.map { $0 + ":" }.joined(separator: ", ") + ")"
        }.joined(separator: ", ")
    }
}
