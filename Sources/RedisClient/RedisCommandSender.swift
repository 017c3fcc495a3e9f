/// The one seam between opsdeck and Redis: send commands, get one reply per command.
///
/// A single method covers both one command and a pipeline, so stores written against it work
/// unchanged over a real `RedisConnection`, an in-memory fake, or a later cluster-aware client
/// that routes each command by its key slot and runs SCAN on every master.
/// Error replies come back as `.error` values (one failing command in a pipeline must not hide
/// the others' replies); connection failures throw.
public protocol RedisCommandSender: AnyObject {
    @discardableResult
    func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue]

    /// Sends commands and turns each reply into a `T` while it is still in the client's memory
    /// (`transform` gets the command's index and a view valid only during the call). The
    /// default goes through `send`; `RedisConnection` reads hiredis' replies directly.
    func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T]

    /// `send(_:decoding:)` for a caller that keeps what it wants itself: `body` gets each
    /// command's final reply exactly once, with the command's index (in order from one server; a
    /// cluster hands them over as its nodes answer), and nothing is returned. Not generic, so
    /// through an `any RedisCommandSender` a 10,000-reply pipeline pays no generic handling of a
    /// result per reply (callgrind, issue 28: the toggle snapshot spent a fifth of its
    /// instructions copying, appending and destroying unspecialised results). The default goes
    /// through `send` (a copy of each reply); `RedisConnection` and `ClusterLink` read in place.
    func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError)

    /// The senders a keyspace walk must visit, one cursor each (`KeyScanner`): itself for one
    /// server, every master for a cluster. A walk over fewer would be partial data.
    func scanTargets() throws(RedisError) -> [any RedisCommandSender]
}

extension RedisCommandSender {
    public func scanTargets() throws(RedisError) -> [any RedisCommandSender] { [self] }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        try send(commands).enumerated().map { transform($0.offset, ReplyView(value: $0.element)) }
    }

    public func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        for (index, reply) in try send(commands).enumerated() { body(index, ReplyView(value: reply)) }
    }

    /// Sends one command and returns its reply; an error reply throws its typed `RedisError`.
    @discardableResult
    public func execute(_ command: RedisCommand) throws(RedisError) -> RedisValue {
        let replies = try send([command])
        guard let reply = replies.first else {
            throw .unexpectedReply(command: command.name, detail: "no reply")
        }
        return try reply.throwingOnError()
    }

    /// Sends one command built from its name and arguments.
    @discardableResult
    public func execute(_ name: String, _ arguments: any RedisArgument...) throws(RedisError) -> RedisValue {
        try execute(RedisCommand(name, arguments))
    }
}
