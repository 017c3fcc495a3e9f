import RedisClient
import Synchronization

/// Wraps a sender and counts the commands sent through it, so the dashboard can show how much
/// load it puts on the server it watches. The count is atomic: the poller's queue adds, the
/// main queue reads.
public final class CountingSender: RedisCommandSender, @unchecked Sendable {
    private let inner: any RedisCommandSender
    private let sent = Atomic<Int>(0)

    /// Not `Sendable` in spirit: `inner` is used only on the owner's queue (see `Poller`);
    /// only `commandsSent` is read from other threads.
    public init(_ inner: any RedisCommandSender) { self.inner = inner }

    public var commandsSent: Int { sent.load(ordering: .relaxed) }

    @discardableResult
    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        sent.add(commands.count, ordering: .relaxed)
        return try inner.send(commands)
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        sent.add(commands.count, ordering: .relaxed)
        return try inner.send(commands, decoding: transform)
    }
}
