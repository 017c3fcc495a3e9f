/// One page of a search over error records, with where it came from.
///
/// An immutable value; `Sendable`, so the dashboard's poller can hand it to the main queue.
/// JSON: `{"backend": {"kind": "search2", "scanned": null, "truncated": null}, "notice": ...,
/// "records": [...], "total": N}`.
public struct ErrorSearchResult: Sendable, Hashable, Codable {
    /// How the records were found.
    public enum Backend: Sendable, Hashable, Codable, CustomStringConvertible {
        case search1
        case search2
        /// No search module: `scanned` error hashes were read and matched here; `truncated` when
        /// the scan stopped at its bound before seeing every key.
        case clientSide(scanned: Int, truncated: Bool)

        private enum CodingKeys: String, CodingKey, CaseIterable { case kind, scanned, truncated }

        public init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            switch try values.decode(String.self, forKey: .kind) {
            case "search1": self = .search1
            case "search2": self = .search2
            case "clientSide":
                self = .clientSide(
                    scanned: try values.decode(Int.self, forKey: .scanned),
                    truncated: try values.decode(Bool.self, forKey: .truncated))
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: values, debugDescription: "unknown backend '\(other)'")
            }
        }

        /// `scanned` and `truncated` are null for the modules, as every key is always written.
        public func encode(to encoder: any Encoder) throws {
            var kind = "clientSide"
            var scan: (scanned: Int, truncated: Bool)?
            switch self {
            case .search1: kind = "search1"
            case .search2: kind = "search2"
            case .clientSide(let scanned, let truncated): scan = (scanned, truncated)
            }
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .kind: kind
                case .scanned: scan?.scanned
                case .truncated: scan?.truncated
                }
            }
        }

        public var description: String {
            switch self {
            case .search1: return "RediSearch 1.x"
            case .search2: return "RediSearch 2.x"
            case .clientSide(let scanned, let truncated):
                return "client-side scan of \(scanned) hashes" + (truncated ? " (stopped early)" : "")
            }
        }
    }

    /// How many records match in all (the page holds at most `limit` of them).
    public var total: Int
    public var records: [ErrorRecord]
    public var backend: Backend
    /// Something the reader should know about the answer (client-side search, ignored words).
    public var notice: String?

    private enum CodingKeys: String, CodingKey, CaseIterable { case total, records, backend, notice }

    /// Writes every key, `notice` as null when there is none, so the JSON shape never changes.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .total: total
            case .records: records
            case .backend: backend
            case .notice: notice
            }
        }
    }

    public init(total: Int, records: [ErrorRecord], backend: Backend, notice: String? = nil) {
        self.total = total
        self.records = records
        self.backend = backend
        self.notice = notice
    }
}
