/// A count of error records and where it came from, for deploy gates.
/// An immutable value; `Sendable`; JSON keys are the property names.
public struct ErrorCount: Sendable, Hashable, Codable {
    public var count: Int
    public var backend: ErrorSearchResult.Backend
    /// Set when the number needs a caveat (client-side scan, stopped early).
    public var notice: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case count, backend, notice }

    /// Writes every key, `notice` as null when there is none.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .count: count
            case .backend: backend
            case .notice: notice
            }
        }
    }

    public init(count: Int, backend: ErrorSearchResult.Backend, notice: String? = nil) {
        self.count = count
        self.backend = backend
        self.notice = notice
    }
}
