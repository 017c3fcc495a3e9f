/// What the status bar says about the server. A plain value.
public struct ServerInfo: Hashable, Sendable {
    /// The config context (e.g. "prod"), when one was chosen.
    public var contextName: String?
    /// Where we connect, e.g. "127.0.0.1:6379" or a socket path.
    public var endpoint: String
    public var version: String?
    /// The deployment's shape when it is more than one server: "cluster · 3 masters".
    public var topology: String?
    /// "RediSearch 1.x", "RediSearch 2.x" or "none".
    public var searchModule: String
    public var readOnly: Bool
    /// A production context: flips require typing the toggle name.
    public var production: Bool
    /// TLS without verifying the server (`--insecure`): the status bar says so on every frame.
    public var tlsInsecure: Bool
    /// A flip needs a reason for the audit trail (nil: in production only).
    public var requireReason: Bool?
    /// "replica of host:port" (or "replica") while the server says it is one: the dashboard is
    /// then read-only. Re-read with every server line, so a promoted replica takes flips again.
    public var replica: String?

    public init(
        contextName: String? = nil, endpoint: String, version: String? = nil, searchModule: String = "none",
        readOnly: Bool = false, production: Bool = false, tlsInsecure: Bool = false, requireReason: Bool? = nil
    ) {
        self.contextName = contextName
        self.endpoint = endpoint
        self.version = version
        self.searchModule = searchModule
        self.readOnly = readOnly
        self.production = production
        self.tlsInsecure = tlsInsecure
        self.requireReason = requireReason
    }
}
