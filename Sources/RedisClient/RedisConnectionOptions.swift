/// How a `RedisConnection` connects and behaves: endpoint, timeouts, client name, backoff.
public struct RedisConnectionOptions: Sendable, Hashable {
    public var endpoint: RedisEndpoint
    /// Bound on establishing the TCP/Unix connection, in seconds.
    public var connectTimeout: Double
    /// Bound on waiting for any reply, in seconds. hiredis waits forever without it.
    public var readTimeout: Double
    /// Sent with `CLIENT SETNAME` so operators can see opsdeck in `CLIENT LIST`.
    public var clientName: String?
    /// First and largest delay between reconnect attempts after the connection drops.
    public var reconnectBackoff: ClosedRange<Double>
    /// Standalone, cluster, or found out on connect (`RedisLinks.make`).
    public var topology: RedisTopology
    /// The most one reply may hold (bytes, elements, nesting): see `ReplyLimits`.
    public var replyLimits: ReplyLimits
    /// When the whole command must be done (connect, round trips, reconnects), nil for none:
    /// reads are then bounded by `readTimeout` each. See `CommandDeadline`.
    public var deadline: CommandDeadline?

    public init(
        endpoint: RedisEndpoint,
        connectTimeout: Double = 2,
        readTimeout: Double = 5,
        clientName: String? = "opsdeck",
        reconnectBackoff: ClosedRange<Double> = 0.1...5,
        topology: RedisTopology = .auto,
        replyLimits: ReplyLimits = ReplyLimits(),
        deadline: CommandDeadline? = nil
    ) {
        self.endpoint = endpoint
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.clientName = clientName
        self.reconnectBackoff = reconnectBackoff
        self.topology = topology
        self.replyLimits = replyLimits
        self.deadline = deadline
    }
}
