/// One entry of a context's `endpoints:` block: where one kind of data lives when it is not in
/// the context's own database. Either a URL, or a mapping with `url` and a `tls:` block of its
/// own (the context's shape); without one it uses the context's `tls:` block, as a database of
/// the same deployment usually shares its CA.
///
///     endpoints:
///       sessions: redis://sessions.internal:6379/0
///       errors:
///         url: rediss://search.internal:6380
///         tls: { cacert: /etc/ssl/search-ca.pem }
///
/// A plain value; thread-safe. `ConfigShape.endpoint` checks the same two forms before decoding.
public struct EndpointConfig: Sendable, Codable, Hashable {
    public var url: String
    public var tls: TLSConfig?

    public init(url: String, tls: TLSConfig? = nil) {
        self.url = url
        self.tls = tls
    }

    enum CodingKeys: String, CodingKey {
        case url, tls
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let url = try? single.decode(String.self) {
            self.init(url: url)
            return
        }
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            url: try values.decode(String.self, forKey: .url),
            tls: try values.decodeIfPresent(TLSConfig.self, forKey: .tls))
    }

    public func encode(to encoder: any Encoder) throws {
        guard let tls else {
            var single = encoder.singleValueContainer()
            try single.encode(url)
            return
        }
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(url, forKey: .url)
        try values.encode(tls, forKey: .tls)
    }
}
