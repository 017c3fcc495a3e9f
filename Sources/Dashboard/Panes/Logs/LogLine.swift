import Foundation

/// One entry of a `recent:<source>:<severity>` list. A plain value.
public struct LogLine: Hashable, Sendable {
    public var source: String
    public var severity: LogLevel
    /// The entry without its leading timestamp.
    public var message: String
    /// Parsed from the leading `asctime` stamp; nil when it did not parse.
    public var timestamp: Date?
    /// The entry exactly as stored.
    public var raw: String

    public init(source: String, severity: LogLevel, message: String, timestamp: Date? = nil, raw: String? = nil) {
        self.source = source
        self.severity = severity
        self.message = message
        self.timestamp = timestamp
        self.raw = raw ?? message
    }
}
