/// How to speak TLS to a server: which CAs to trust, the client certificate for mutual TLS, the
/// name to ask for and verify. A value type, part of `RedisEndpoint`; holds file paths, never
/// key material. Verification of the certificate and the host name is on unless `insecure`.
public struct TLSSettings: Sendable, Hashable {
    /// PEM file of the CA(s) that signed the server's certificate (nil: the system store).
    public var caFile: String?
    /// A directory of CA certificates prepared with `c_rehash` / `openssl rehash`.
    public var caDirectory: String?
    /// Client certificate (PEM, may hold the chain) for servers that require one.
    public var certificateFile: String?
    /// Its private key (PEM); nil: the key is in `certificateFile`.
    public var keyFile: String?
    /// The name sent as SNI and verified against the certificate (nil: the host connected to).
    public var serverName: String?
    /// Skips verifying the certificate and its name: an explicit opt-in, shown on screen.
    public var insecure: Bool

    public init(
        caFile: String? = nil, caDirectory: String? = nil, certificateFile: String? = nil,
        keyFile: String? = nil, serverName: String? = nil, insecure: Bool = false
    ) {
        self.caFile = caFile
        self.caDirectory = caDirectory
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.serverName = serverName
        self.insecure = insecure
    }
}
