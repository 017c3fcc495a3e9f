import RedisClient

/// One recent-log list, `recent:<name>:<severity>`, with the parts of its key.
///
/// A list whose severity part is not a known name is kept (never dropped silently) with
/// severity `info` and `severityText` holding what the key says.
public struct LogList: Sendable, Hashable, Codable {
    public let key: RedisKey
    public let source: String
    public let severity: Severity
    public let severityText: String

    public init(key: RedisKey, source: String, severity: Severity, severityText: String? = nil) {
        self.key = key
        self.source = source
        self.severity = severity
        self.severityText = severityText ?? severity.rawValue
    }

    /// Splits a key by the logs pattern: `recent:*:*` gives source = first `*`, severity = second,
    /// the source may itself hold colons (the severity is after the last separator).
    public init(key: RedisKey, pattern: String) {
        let text = key.text
        let stars = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        var source = text
        var severityText = ""
        if stars.count == 3, text.hasPrefix(stars[0]), text.hasSuffix(stars[2]),
            text.count >= stars[0].count + stars[2].count
        {
            let middle = String(text.dropFirst(stars[0].count).dropLast(stars[2].count))
            if !stars[1].isEmpty, let split = middle.range(of: stars[1], options: .backwards) {
                source = String(middle[..<split.lowerBound])
                severityText = String(middle[split.upperBound...])
            } else {
                source = middle
            }
        } else if let colon = text.lastIndex(of: ":") {
            // A pattern of another shape: fall back to the conventional `...:<name>:<severity>`.
            severityText = String(text[text.index(after: colon)...])
            let head = text[..<colon]
            source = head.lastIndex(of: ":").map { String(head[head.index(after: $0)...]) } ?? String(head)
        }
        self.init(
            key: key, source: source, severity: Severity(parsing: severityText) ?? .info,
            severityText: severityText)
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, source, severity, severityText }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .key: key.text
            case .source: source
            case .severity: severity
            case .severityText: severityText
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: RedisKey(try container.decode(String.self, forKey: .key)),
            source: try container.decode(String.self, forKey: .source),
            severity: try container.decode(Severity.self, forKey: .severity),
            severityText: try container.decode(String.self, forKey: .severityText))
    }
}
