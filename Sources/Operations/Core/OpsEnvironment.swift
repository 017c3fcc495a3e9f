import Foundation
import RedisClient

/// Everything an operation needs: where to send commands, where things are, whether it may
/// write, who is acting, and the clock. Stores take it by value.
///
/// Threading: the `redis` sender is not thread-safe; an environment is used only on the thread
/// or serial queue that owns that sender (the CLI's main thread, or the poller's queue).
public struct OpsEnvironment {
    public var redis: any RedisCommandSender
    public var patterns: KeyPatterns
    public var gate: WriteGate
    /// Who is acting, for the audit trail: `--as NAME`, or `user@host`.
    public var actor: String
    public var now: @Sendable () -> Date

    public init(
        redis: any RedisCommandSender,
        patterns: KeyPatterns = KeyPatterns(),
        readOnly: Bool = false,
        actor: String = OpsEnvironment.defaultActor(),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.redis = redis
        self.patterns = patterns
        self.gate = WriteGate(readOnly: readOnly)
        self.actor = actor
        self.now = now
    }

    /// `$USER@hostname`, as an audit trail names people.
    public static func defaultActor() -> String {
        let env = ProcessInfo.processInfo.environment
        let user = env["USER"] ?? env["LOGNAME"] ?? "unknown"
        return "\(user)@\(ProcessInfo.processInfo.hostName)"
    }

    /// Runs a Redis call, turning its typed error into an `OperationsError`.
    public func run<T>(_ body: (any RedisCommandSender) throws(RedisError) -> T) throws(OperationsError) -> T {
        do {
            return try body(redis)
        } catch {
            throw .redis(error)
        }
    }
}
