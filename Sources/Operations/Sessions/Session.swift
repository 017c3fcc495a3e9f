import RedisClient

/// A user session (feature context): a hash, usually with a TTL (docs/DATA-MODEL.md).
///
/// `fields` keep HGETALL's order, so a session shows the way `redis-cli` shows it.
/// An immutable `Sendable` value.
public struct Session: Sendable, Hashable, Codable, Identifiable {
    public let key: RedisKey
    public let fields: [SessionField]
    /// Seconds until the session expires; nil when it has no expiry.
    public let ttl: Int?

    public init(key: RedisKey, fields: [SessionField], ttl: Int?) {
        self.key = key
        self.fields = fields
        self.ttl = ttl
    }

    public var id: RedisKey { key }

    /// The first value of `name`, if the session has that field.
    public func value(of name: String) -> String? { fields.first { $0.name == name }?.value }

    /// The audience the feature rule targets by default.
    public var authType: String? { value(of: "authType") }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, fields, ttl, authType }

    // JSON: key as text, `ttl` null for no expiry, `authType` spelled out for scripts.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .key: key.text
            case .fields: fields
            case .ttl: ttl
            case .authType: authType
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            key: RedisKey(try container.decode(String.self, forKey: .key)),
            fields: try container.decode([SessionField].self, forKey: .fields),
            ttl: try container.decodeIfPresent(Int.self, forKey: .ttl))
    }
}
