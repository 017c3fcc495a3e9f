import RedisClient

/// Forwards to a real sender and records every command sent, to prove what was (or was not)
/// sent: "no SCAN after a flip", "nothing written on a conflict". Used on the test's thread.
public final class CommandRecorder: RedisCommandSender {
    public let base: any RedisCommandSender
    public private(set) var sent: [RedisCommand] = []

    public init(_ base: any RedisCommandSender) { self.base = base }

    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        sent += commands
        return try base.send(commands)
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        sent += commands
        return try base.send(commands, decoding: transform)
    }

    public func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        sent += commands
        try base.forEachReply(of: commands, body)
    }

    /// The commands sent named `name` (upper case), e.g. `sent(named: "SCAN")`.
    public func sent(named name: String) -> [RedisCommand] { sent.filter { $0.name == name } }

    public func reset() { sent = [] }
}
