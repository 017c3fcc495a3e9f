import RedisClient

/// What a poll source gets for one poll: the connection (through the counting seam), what is
/// asked of it, and how many commands the connection has sent so far (for the load figure).
/// A value made by the `Poller` on its queue for one call.
public struct PollContext {
    public let redis: any RedisCommandSender
    public let request: PollRequest
    /// Commands sent to Redis through this poller so far, polls and one-off work alike.
    public let commandsSent: Int

    public init(redis: any RedisCommandSender, request: PollRequest, commandsSent: Int = 0) {
        self.redis = redis
        self.request = request
        self.commandsSent = commandsSent
    }
}
