import Foundation

/// One line of a recent-log list, parsed: its source and severity (from the list's key), the
/// asctime timestamp it starts with (nil when there is none; the entry still shows) and the
/// message after it. `raw` is the stored text, decoded leniently (invalid UTF-8 becomes U+FFFD);
/// nothing here is escaped — renderers must (see `Output.visible`). A `Sendable` value.
public struct LogEntry: Sendable, Hashable, Codable {
    public let source: String
    public let severity: Severity
    public let message: String
    public let timestamp: Date?
    public let raw: String
    /// The list it came from.
    public let key: String

    public init(source: String, severity: Severity, message: String, timestamp: Date?, raw: String, key: String) {
        self.source = source
        self.severity = severity
        self.message = message
        self.timestamp = timestamp
        self.raw = raw
        self.key = key
    }

    /// Parses a stored line of `list`.
    public init(raw: String, list: LogList, timeZone: TimeZone = .current) {
        let parsed = AsctimeTimestamp.parse(line: raw, timeZone: timeZone)
        self.init(
            source: list.source, severity: list.severity, message: parsed?.message ?? raw,
            timestamp: parsed?.date, raw: raw, key: list.key.text)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case source, severity, message, timestamp, raw, key }

    // Always every key (timestamp null when unknown), for stable JSON.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .source: source
            case .severity: severity
            case .message: message
            case .timestamp: timestamp
            case .raw: raw
            case .key: key
            }
        }
    }
}
