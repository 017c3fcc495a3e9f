import RedisClient

/// Stands for a kind's connection that a piece of dashboard work did not ask for (see
/// `DashboardPollers.perform`): it fails every command instead of letting a store fall back to
/// another kind's database, so a missing kind shows as an error, never as another server's data.
/// Stateless; any thread.
final class UnheldSender: RedisCommandSender {
    let kind: String

    init(kind: String) { self.kind = kind }

    func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        throw .unexpectedReply(
            command: commands.first?.name ?? "?",
            detail: "the \(kind) database is not held by this piece of work (a bug in opsdeck)")
    }
}
