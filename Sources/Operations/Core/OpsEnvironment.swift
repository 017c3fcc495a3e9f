import Foundation
import RedisClient

/// Everything an operation needs: where to send commands, where things are, whether it may
/// write, who is acting, and the clock. Stores take it by value.
///
/// Where commands go: `redis` is the toggles' sender (toggles and their audit trail live
/// together). A deployment with one database per kind of data also gives `senders`; the
/// sessions, errors and logs stores call `on(_:)` first, so each reads its own database and
/// callers cannot pick the wrong one. Without `senders` every kind goes to `redis`.
///
/// Threading: the senders are not thread-safe; an environment is used only on the thread or
/// serial queue that owns them (the CLI's main thread, or the poller's queue).
public struct OpsEnvironment {
    public var redis: any RedisCommandSender
    /// Each kind's sender, when kinds live in different databases (kinds sharing an endpoint
    /// share one sender); empty when everything is behind `redis`.
    public private(set) var senders: [DataKind: any RedisCommandSender] = [:]
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
        now: @escaping @Sendable () -> Date = { Date() },
        senders: [DataKind: any RedisCommandSender] = [:]
    ) {
        self.redis = senders[.toggles] ?? redis
        if !senders.isEmpty {
            self.senders = senders
            self.senders[.toggles] = self.redis
        }
        self.patterns = patterns
        self.gate = WriteGate(readOnly: readOnly)
        self.actor = actor
        self.now = now
    }

    /// The environment whose `redis` is `kind`'s sender (itself when kinds are not split).
    /// Idempotent, so a store may call it on an environment already pointed at its kind.
    public func on(_ kind: DataKind) -> OpsEnvironment {
        guard let sender = senders[kind] else { return self }
        var copy = self
        copy.redis = sender
        return copy
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
