/// A list in which entries may have been lost between two reads: more arrived than the list
/// keeps, so the newest entry of the previous read is gone and nothing links the two reads.
///
/// `estimatedLost` is an ESTIMATE from the timestamps of the new entries (their rate times the
/// gap to the previous read), nil when the timestamps cannot tell. A `Sendable` value.
public struct LogLoss: Sendable, Hashable, Codable {
    public let key: String
    public let source: String
    public let severity: Severity
    /// Entries read this time that all count as new (the whole list).
    public let newEntries: Int
    public let estimatedLost: Int?

    public init(key: String, source: String, severity: Severity, newEntries: Int, estimatedLost: Int?) {
        self.key = key
        self.source = source
        self.severity = severity
        self.newEntries = newEntries
        self.estimatedLost = estimatedLost
    }

    /// One line for people, saying it is an estimate.
    public var summary: String {
        let about = estimatedLost.map { "about \($0) (estimated from the timestamps)" } ?? "an unknown number"
        return "\(key): \(newEntries) or more new entries since the last read, more than the list keeps — "
            + "\(about) may have been lost"
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, source, severity, newEntries, estimatedLost }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .key: key
            case .source: source
            case .severity: severity
            case .newEntries: newEntries
            case .estimatedLost: estimatedLost
            }
        }
    }
}
