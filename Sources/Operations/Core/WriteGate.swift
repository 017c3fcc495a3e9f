import RedisClient

/// The one place every write to Redis passes through, so read-only mode is enforced once
/// and cannot be forgotten by a new feature: stores never send a writing command directly.
///
/// A value type; immutable and `Sendable`. The sender it is given is used on the caller's thread.
public struct WriteGate: Sendable, Hashable {
    public let readOnly: Bool

    public init(readOnly: Bool) { self.readOnly = readOnly }

    /// Sends `commands` (one atomic script, MULTI/EXEC block, or pipeline) if writes are allowed.
    /// `action` says what the user tried, for the refusal message.
    @discardableResult
    public func write(
        _ action: String, _ commands: [RedisCommand], on redis: some RedisCommandSender
    ) throws(OperationsError) -> [RedisValue] {
        try check(action)
        do {
            return try redis.send(commands)
        } catch {
            throw .redis(error)
        }
    }

    /// Throws `.readOnly` when writes are off; for callers that must refuse before doing work.
    public func check(_ action: String) throws(OperationsError) {
        if readOnly { throw .readOnly(action: action) }
    }
}
