import RedisClient
import Synchronization

/// Wraps a sender and counts the commands sent through it, so the dashboard can show how much
/// load it puts on the server it watches. The count is atomic: the poller's queue adds, the
/// main queue reads. A walk's per-node senders (`scanTargets`) count into the same total.
public final class CountingSender: RedisCommandSender, @unchecked Sendable {
    private let inner: any RedisCommandSender
    private let counter: Counter

    /// Not `Sendable` in spirit: `inner` is used only on the owner's queue (see `Poller`);
    /// only `commandsSent` is read from other threads.
    public init(_ inner: any RedisCommandSender) {
        self.inner = inner
        counter = Counter()
    }

    private init(_ inner: any RedisCommandSender, counter: Counter) {
        self.inner = inner
        self.counter = counter
    }

    public var commandsSent: Int { counter.sent.load(ordering: .relaxed) }

    @discardableResult
    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        counter.sent.add(commands.count, ordering: .relaxed)
        return try inner.send(commands)
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        counter.sent.add(commands.count, ordering: .relaxed)
        return try inner.send(commands, decoding: transform)
    }

    public func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        counter.sent.add(commands.count, ordering: .relaxed)
        try inner.forEachReply(of: commands, body)
    }

    public func scanTargets() throws(RedisError) -> [any RedisCommandSender] {
        let targets = try inner.scanTargets()
        if targets.count == 1, targets[0] === inner { return [self] }
        return targets.map { CountingSender($0, counter: counter) }
    }

    private final class Counter: Sendable {
        let sent = Atomic<Int>(0)
    }
}
