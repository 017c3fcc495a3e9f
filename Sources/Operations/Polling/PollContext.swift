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

    public init(redis: any RedisCommandSender, request: PollRequest, commandsSent: Int = 0,
                updates: UpdateMode = .polling(reason: nil)) {
        self.redis = redis
        self.request = request
        self.commandsSent = commandsSent
        self.updates = updates
    }
}
