/// How serious a log entry is; the last part of `recent:<name>:<severity>`. Ordered from
/// debug to critical, so "at least warning" is `>= .warning`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable, CustomStringConvertible {
    case debug, info, warning, error, critical

    /// Also accepts the common short and alternative names (warn, err, crit, fatal), any case.
    public init?(parsing text: String) {
        switch text.trimmingWhitespace().lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error", "err": self = .error
        case "critical", "crit", "fatal": self = .critical
        default: return nil
        }
    }

    var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public var description: String { rawValue }
}
