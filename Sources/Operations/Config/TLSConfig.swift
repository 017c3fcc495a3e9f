/// A context's `tls:` block: its presence turns TLS on for the context's server (as a
/// `rediss://` URL does); the keys are redis-cli's flags without the dashes.
///
///     tls:
///       cacert: /etc/ssl/redis-ca.pem
///       cert: ~/.config/opsdeck/client.pem
///       key: ~/.config/opsdeck/client.key
///       sni: cache.internal
public struct TLSConfig: Sendable, Codable, Hashable {
    public var cacert: String?
    public var cacertdir: String?
    public var cert: String?
    public var key: String?
    public var sni: String?
    public var insecure: Bool?

    public init(
        cacert: String? = nil, cacertdir: String? = nil, cert: String? = nil, key: String? = nil,
        sni: String? = nil, insecure: Bool? = nil
    ) {
        self.cacert = cacert
        self.cacertdir = cacertdir
        self.cert = cert
        self.key = key
        self.sni = sni
        self.insecure = insecure
    }
}
