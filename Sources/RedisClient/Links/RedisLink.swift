/// A command sender that owns its connections to one deployment: a single server
/// (`RedisConnection`), a Redis Cluster (`ClusterLink`), or a master watched by Sentinels.
/// Everything above the client (the CLI, the poller, the stores) holds one of these, so a
/// deployment's shape is decided in one place (`RedisLinks.make`).
///
/// Ownership and threading: like `RedisConnection`, not thread-safe; one thread or serial queue
/// owns a link and makes every call.
public protocol RedisLink: RedisCommandSender {
    /// Connects now (every node a command may need is connected lazily later), so a bad
    /// address or password fails fast.
    func connect() throws(RedisError)
    /// Closes every connection; the next call reconnects.
    func close()
    /// The user asked to retry: skip the reconnect backoff once.
    func allowImmediateRetry()
    /// Whether the link holds an open connection (it may still turn out dead on the next call).
    var isConnected: Bool { get }
    /// The error that closed the connection last, until a reconnect succeeds.
    var lastFailure: RedisError? { get }
    /// "TLS 1.3" (or nil for plaintext) for the status bar.
    var security: String? { get }
    /// Where the link's commands go, for messages and the status bar: `redis://host:6379`,
    /// `cluster 3 masters via host:7000`, `sentinel mymaster → host:6380`. Never a password.
    var summary: String { get }
    /// Commands sent on every (re)connect of the connection that reads (client tracking).
    /// A link that cannot follow them (a cluster: tracking is per node) sets `setupRefusal`.
    var setupCommands: [RedisCommand] { get set }
    /// The error reply to a setup command at the last (re)connect, if any.
    var setupRefusal: String? { get }
    /// Sends the setup commands now; returns the first refusal.
    @discardableResult
    func applySetup() throws(RedisError) -> String?
    /// What happened to the deployment since the last call, for the screen: "failover: master
    /// now 10.0.0.2:6380", "cluster topology changed (slot 1234 moved)". Cleared by the call.
    func takeEvents() -> [String]
    /// The deployment's shape for the status bar when it is more than one server:
    /// "cluster · 3 masters", "sentinel mymaster → 10.0.0.2:6380"; nil for one server.
    var shape: String? { get }
}

extension RedisLink {
    public func takeEvents() -> [String] { [] }
    public var shape: String? { nil }
}
