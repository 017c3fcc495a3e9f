/// A count of error records and where it came from, for deploy gates.
/// An immutable value; `Sendable`; JSON keys are the property names.
public struct ErrorCount: Sendable, Hashable, Codable {
    public var count: Int
    public var backend: ErrorSearchResult.Backend
    /// Set when the number needs a caveat (client-side scan, stopped early).
    public var notice: String?

    public init(count: Int, backend: ErrorSearchResult.Backend, notice: String? = nil) {
        self.count = count
        self.backend = backend
        self.notice = notice
    }
}
