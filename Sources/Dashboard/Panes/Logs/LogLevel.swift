/// Severity of a log line, ordered debug < info < warning < error < critical. `unknown` (a
/// list name we cannot read) sorts below debug but is never hidden by a severity filter:
/// when we cannot tell how bad a line is, hiding it would be the wrong guess.
public enum LogLevel: Int, Hashable, Sendable, Comparable, CaseIterable {
    case unknown = -1
    case debug = 0
    case info, warning, error, critical

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }

    /// Four-column label, so severity reads as text and not by colour alone.
    public var label: String {
        switch self {
        case .unknown: return "????"
        case .debug: return "DBG "
        case .info: return "INFO"
        case .warning: return "WARN"
        case .error: return "ERR "
        case .critical: return "CRIT"
        }
    }

    /// The name used in filters and in the pane title.
    public var name: String {
        switch self {
        case .unknown: return "unknown"
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        case .critical: return "critical"
        }
    }

    public var themeRole: ThemeRole {
        switch self {
        case .unknown, .debug: return .sevDebug
        case .info: return .sevInfo
        case .warning: return .sevWarning
        case .error: return .sevError
        case .critical: return .sevCritical
        }
    }
}
