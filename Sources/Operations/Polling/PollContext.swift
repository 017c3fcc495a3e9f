import RedisClient

/// What a poll source gets for one poll: the connection (through the counting seam), what is
/// asked of it, and how many commands the connection has sent so far (for the load figure).
/// A value made by the `Poller` on its queue for one call.
public struct PollContext {
    public let redis: any RedisCommandSender
    public let request: PollRequest
    /// Commands sent to Redis through this poller so far, polls and one-off work alike.
    public let commandsSent: Int
    /// How changes reach this poller: the server's invalidations (then a routine poll need not
    /// re-read what they cover), or polling alone, with the reason.
    public let updates: UpdateMode
    /// The deployment's shape (`RedisLink.shape`) as it is now, after whatever the poll did
    /// (it may have followed a failover): nil for one server.
    public var shape: String? { shapeNow() }
    private let shapeNow: () -> String?
    /// What happened to the deployment since the last poll (a failover, a topology change).
    public let events: [String]

    public init(
        redis: any RedisCommandSender, request: PollRequest, commandsSent: Int = 0,
        updates: UpdateMode = .polling(reason: nil), shape: @escaping () -> String? = { nil }, events: [String] = []
    ) {
        self.redis = redis
        self.request = request
        self.commandsSent = commandsSent
        self.updates = updates
        shapeNow = shape
        self.events = events
    }
}
