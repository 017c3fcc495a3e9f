import Foundation
import Logging
import RedisClient

/// The server's client-side-caching invalidations as a stream of changed keys, beside the
/// poller (Redis 6+, no server configuration; see docs/DECISIONS.md, "Freshness").
///
/// Two connections of its own: one subscribed to `__redis__:invalidate`, whose client id the
/// poller's connection names in `CLIENT TRACKING on REDIRECT <id>` (keys the poller read are
/// reported when they change), and one that turns on broadcast tracking for key prefixes
/// (`BCAST PREFIX recent: …`: every key under them, new keys included) and otherwise stays idle.
///
/// Ownership and threading: runs its own thread, which alone touches both connections. It
/// tells the world through the three callbacks, called on that thread: `ready` (with the
/// subscriber's id, after every (re)subscription), `changed` (keys, or nil for "everything",
/// e.g. FLUSHDB), `lost` (the channel is down and resubscribing: nothing can be trusted to be
/// reported until `ready` again). `start` and `stop` may be called from any thread.
public final class InvalidationChannel: @unchecked Sendable {
    public let options: RedisConnectionOptions
    /// Prefixes for broadcast tracking (non-overlapping); empty for none.
    public let prefixes: [String]
    /// Keys under these prefixes are dropped as bytes in the reply buffer, before any value is
    /// made per key: with the empty prefix tracked (every key), the sessions' prefix, whose
    /// writes (10,000 a second on a busy store) no feed acts on.
    private let dropped: [[UInt8]]
    private let ready: @Sendable (Int64) -> Void
    private let changed: @Sendable ([RedisKey]?) -> Void
    private let lost: @Sendable (RedisError) -> Void
    private let lock = NSLock()
    private var running = false
    private var thread: Thread?
    private let logger = Logger(label: "opsdeck.invalidations")

    public init(
        options: RedisConnectionOptions, prefixes: [String], dropping dropped: [String] = [],
        ready: @escaping @Sendable (Int64) -> Void,
        changed: @escaping @Sendable ([RedisKey]?) -> Void,
        lost: @escaping @Sendable (RedisError) -> Void
    ) {
        var listening = options
        // A subscribed connection waits for pushes: a short read timeout lets the thread check
        // that it should go on, and that the broadcast connection is still there.
        listening.readTimeout = 1
        listening.clientName = (options.clientName ?? "opsdeck") + "-invalidations"
        self.options = listening
        self.prefixes = prefixes
        self.dropped = dropped.filter { !$0.isEmpty }.map { Array($0.utf8) }
        self.ready = ready
        self.changed = changed
        self.lost = lost
    }

    public func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !running else { return }
        running = true
        let thread = Thread { [self] in run() }
        thread.name = "opsdeck.invalidations"
        self.thread = thread
        thread.start()
    }

    /// Asks the thread to end; it does within about a second (its read timeout).
    public func stop() {
        lock.lock()
        running = false
        lock.unlock()
    }

    private var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    private func run() {
        var delay = 0.2
        // Behind Sentinels the channel listens at the master, and moves when it does.
        let sentinels = options.endpoint.sentinel == nil ? nil : SentinelLink(options: options)
        while isRunning {
            var target = options
            do {
                if let sentinels { target = try sentinels.masterOptions() }
            } catch {
                lost(error)
                sleep(delay)
                delay = min(5, delay * 2)
                continue
            }
            let subscriber = RedisConnection(options: target)
            let broadcaster = RedisConnection(options: target)
            do {
                try listen(subscriber, broadcaster, sentinels: sentinels)
                delay = 0.2
            } catch {
                logger.debug("invalidation channel down: \(error.shortReason)")
                lost(error)
                // A refusal (ACL without CLIENT, a server without tracking) will not pass on its
                // own soon: ask again once a minute, not five times.
                let refused: Bool
                switch error {
                case .noPermission, .server: refused = true
                default: refused = false
                }
                sleep(refused ? 60 : delay)
                delay = min(5, delay * 2)
            }
            subscriber.close()
            broadcaster.close()
        }
    }

    /// Sleeps up to `seconds`, waking early when stopped.
    private func sleep(_ seconds: Double) {
        let until = Date().addingTimeInterval(seconds)
        while isRunning && Date() < until { Thread.sleep(forTimeInterval: min(0.2, seconds)) }
    }

    /// Subscribes, arms broadcast tracking, then reads pushes until stopped or failed.
    private func listen(_ subscriber: RedisConnection, _ broadcaster: RedisConnection, sentinels: SentinelLink?) throws(RedisError) {
        guard let id = try subscriber.execute("CLIENT", "ID").int else {
            throw .unexpectedReply(command: "CLIENT ID", detail: "not an integer")
        }
        let subscribed = try subscriber.send([RedisCommand("SUBSCRIBE", "__redis__:invalidate")])
        if let message = subscribed.first?.errorMessage { throw RedisError.fromReply(message) }
        if !prefixes.isEmpty {
            var arguments: [any RedisArgument] = ["TRACKING", "on", "REDIRECT", id, "BCAST"]
            for prefix in prefixes { arguments += ["PREFIX", prefix] }
            try broadcaster.execute(RedisCommand("CLIENT", arguments))
        }
        ready(id)
        var lastCheck = Date()
        while isRunning {
            if let message = try subscriber.nextPush({ Self.keys(in: $0, dropping: dropped) }) {
                // All dropped: nothing to tell (an empty list would still wake the poller's queue).
                if let keys = message, keys?.isEmpty != true { changed(keys) }
            } else if let sentinels, case .tcp(let host, let port) = subscriber.options.endpoint.address,
                try sentinels.masterOptions().endpoint.address != .tcp(host: host, port: port)
            {
                // A failover: the data now changes elsewhere. Resubscribe there (the poller reads
                // everything again when `ready` comes).
                throw .connectionLost(endpoint: subscriber.summary, detail: "the master moved (failover)")
            } else if !prefixes.isEmpty, Date().timeIntervalSince(lastCheck) > 10 {
                // Broadcast tracking ends silently with its connection: check it is alive.
                lastCheck = Date()
                try broadcaster.execute("PING")
            }
        }
    }

    /// The keys of an invalidation message, without those under `dropped`; `.some(nil)` for "all
    /// keys" (FLUSHALL/FLUSHDB); nil for anything else (the subscription's confirmation).
    static func keys(in push: ReplyView, dropping dropped: [[UInt8]] = []) -> [RedisKey]?? {
        guard push.count == 3, push[0].hasText("message"), push[1].hasText("__redis__:invalidate") else { return nil }
        let list = push[2]
        if list.isNull { return .some(nil) }
        var keys: [RedisKey] = []
        for position in 0..<list.count {
            let key = list[position]
            if dropped.contains(where: { key.starts(with: $0) }) { continue }
            if let bytes = key.bytes { keys.append(RedisKey(bytes: bytes)) }
        }
        return .some(keys)
    }
}
