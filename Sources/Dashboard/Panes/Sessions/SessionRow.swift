/// One session (feature context) as the Sessions list shows it. A plain value.
public struct SessionRow: Hashable, Sendable {
    public var key: String
    /// Every field in Redis order.
    public var fields: [FieldRow]
    /// Seconds to live when fetched; nil when the key has no expiry.
    public var ttl: Int?
    public var authType: String?

    public init(key: String, fields: [FieldRow], ttl: Int? = nil, authType: String? = nil) {
        self.key = key
        self.fields = fields
        self.ttl = ttl
        self.authType = authType
    }

    /// The first field with this name, if any.
    public func field(_ name: String) -> String? { fields.first { $0.name == name }?.value }
}
