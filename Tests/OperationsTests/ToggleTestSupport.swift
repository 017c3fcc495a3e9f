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
