import Foundation
import Operations
import RedisClient

/// Shared by the toggle, session, audit and log tests: an environment over a test connection
/// with a fixed clock, and a sender that counts what is sent.
enum ToggleTestSupport {
    /// 2026-11-26 18:03:33 UTC.
    static let fixedDate = Date(timeIntervalSince1970: 1_795_716_213)

    static func environment(
        _ redis: any RedisCommandSender, patterns: KeyPatterns = KeyPatterns(), readOnly: Bool = false,
        actor: String = "alice@host", now: Date = fixedDate
    ) -> OpsEnvironment {
        OpsEnvironment(redis: redis, patterns: patterns, readOnly: readOnly, actor: actor, now: { now })
    }
}

/// Forwards to a real sender and counts commands, to prove that nothing was sent.
final class CountingSender: RedisCommandSender {
    let base: any RedisCommandSender
    private(set) var sent: [RedisCommand] = []

    init(_ base: any RedisCommandSender) { self.base = base }

    func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        sent += commands
        return try base.send(commands)
    }
}
