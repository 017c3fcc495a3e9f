/// The answer to one error search, ready to show. A plain value.
public struct ErrorSearchView: Hashable, Sendable {
    /// The query as typed.
    public var query: String
    /// Matches in the index (may exceed `rows.count` when the result is paged).
    public var total: Int
    public var rows: [ErrorRow]
    /// Which engine answered, e.g. "RediSearch 2.x" or "client-side".
    public var backendLabel: String
    /// Something the user should know, e.g. "searched words: null pointer (symbols ignored)".
    public var notice: String?
    /// Words to highlight in the results.
    public var terms: [String]

    public init(
        query: String, total: Int, rows: [ErrorRow], backendLabel: String, notice: String? = nil,
        terms: [String] = []
    ) {
        self.query = query
        self.total = total
        self.rows = rows
        self.backendLabel = backendLabel
        self.notice = notice
        self.terms = terms
    }
}
