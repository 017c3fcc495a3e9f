import RedisClient

/// Passes commands through to a real connection and remembers the shape of what was sent:
/// how many round trips, how many commands in each, and the last commands. The benchmark uses
/// it to give redis-benchmark exactly the pipeline depth and the command that opsdeck's own
/// code used, instead of guessing them.
final class RecordingSender: RedisCommandSender {
    private let inner: any RedisCommandSender
    private(set) var batchSizes: [Int] = []
    private(set) var lastBatch: [RedisCommand] = []

    init(_ inner: any RedisCommandSender) { self.inner = inner }

    func reset() {
        batchSizes = []
        lastBatch = []
    }

    var commandCount: Int { batchSizes.reduce(0, +) }
    var roundTrips: Int { batchSizes.count }
    var deepestPipeline: Int { batchSizes.max() ?? 0 }

    @discardableResult
    func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        batchSizes.append(commands.count)
        lastBatch = commands
        return try inner.send(commands)
    }

    func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        batchSizes.append(commands.count)
        lastBatch = commands
        return try inner.send(commands, decoding: transform)
    }

    func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        batchSizes.append(commands.count)
        lastBatch = commands
        try inner.forEachReply(of: commands, body)
    }
}
