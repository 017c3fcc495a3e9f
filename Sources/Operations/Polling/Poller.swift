import Dispatch
import Foundation
import RedisClient

/// What a poll produces: a snapshot, or why there is none this time.
public enum PollEvent<Snapshot: Sendable>: Sendable {
    /// A fresh snapshot, how long the poll took, and when it finished.
    case snapshot(Snapshot, duration: Double, at: Date)
    /// The poll failed; the poller retries after `retryIn` seconds (capped backoff).
    case failed(RedisError, retryIn: Double, at: Date)
}

/// Something the poller asks for a snapshot. Owned by the poller and called only on its queue,
/// so it may keep state between polls (known keys, the log tail's position) without locks.
public protocol PollSource: SendableMetatype {
    associatedtype Snapshot: Sendable
    /// Fetches one snapshot. `discover` asks for the slower key discovery (SCAN) this time.
    mutating func poll(_ redis: any RedisCommandSender, discover: Bool) throws(RedisError) -> Snapshot
}

/// Polls Redis on its own serial Dispatch queue and hands `Sendable` results to a callback.
///
/// Ownership and threading: the poller alone owns its `RedisConnection` and its `PollSource`;
/// both are touched only on `queue`. Polls never overlap (the next one is scheduled when the
/// previous one ends), failures back off (interval doubling, capped), and discovery runs every
/// `discoverEvery` polls. `deliver` is called on the poller's queue: the caller hops to its own
/// queue. `perform` runs one-off work (a flip, a search) on the same queue and connection, so it
/// never races a poll. `start`, `stop`, `refreshNow` and `perform` may be called from any thread.
public final class Poller<Source: PollSource>: @unchecked Sendable {
    public let queue = DispatchQueue(label: "opsdeck.poller")
    private let connection: RedisConnection
    private let sender: CountingSender
    private var source: Source
    private let interval: Double
    private let maxBackoff: Double
    private let discoverEvery: Int
    private let deliver: @Sendable (PollEvent<Source.Snapshot>) -> Void
    // State below is only touched on `queue`.
    private var running = false
    private var generation = 0
    private var polls = 0
    private var failures = 0
    private var discoverNext = true

    public init(
        connection options: RedisConnectionOptions,
        source: Source,
        interval: Double = 1,
        discoverEvery: Int = 10,
        maxBackoff: Double = 5,
        deliver: @escaping @Sendable (PollEvent<Source.Snapshot>) -> Void
    ) {
        connection = RedisConnection(options: options)
        sender = CountingSender(connection)
        self.source = source
        self.interval = interval
        self.discoverEvery = max(1, discoverEvery)
        self.maxBackoff = maxBackoff
        self.deliver = deliver
    }

    /// Commands sent to Redis so far (polls and one-off work); readable from any thread.
    public var commandsSent: Int { sender.commandsSent }

    public func start() {
        queue.async { [self] in
            guard !running else { return }
            running = true
            pollNow()
        }
    }

    public func stop() {
        queue.sync { [self] in
            running = false
            generation += 1
            connection.close()
        }
    }

    /// Polls as soon as the current poll (if any) ends, with discovery, and restarts the timer.
    /// `userAsked` (the `r` key) also skips the reconnect backoff: a person retrying after fixing
    /// a password or a firewall must not wait for the next scheduled attempt.
    public func refreshNow(userAsked: Bool = false) {
        queue.async { [self] in
            guard running else { return }
            discoverNext = true
            if userAsked {
                failures = 0
                connection.allowImmediateRetry()
            }
            pollNow()
        }
    }

    /// Polls as soon as the current poll (if any) ends, without forcing a discovery, and restarts
    /// the timer: what a flip needs (its toggle re-read), never a keyspace walk.
    public func pollSoon() {
        queue.async { [self] in
            guard running else { return }
            pollNow()
        }
    }

    /// Runs `work` on the poller's queue with its connection, between polls.
    public func perform(_ work: @escaping @Sendable (any RedisCommandSender) -> Void) {
        queue.async { [self] in
            work(sender)
        }
    }

    /// Changes the source's settings (e.g. the session filter) on the poller's queue, between polls.
    public func updateSource(_ change: @escaping @Sendable (inout Source) -> Void) {
        queue.async { [self] in
            change(&source)
        }
    }

    private func pollNow() {
        schedule(after: pollOnce())
    }

    /// One poll, delivered; returns the delay before the next. Runs on `queue` only (tests call
    /// it through `queue.sync`, so they exercise the logic without timers).
    func pollOnce() -> Double {
        dispatchPrecondition(condition: .onQueue(queue))
        generation += 1
        let started = Date()
        let discover = discoverNext || polls % discoverEvery == 0
        polls += 1
        let delay: Double
        do {
            let snapshot = try source.poll(sender, discover: discover)
            discoverNext = false
            failures = 0
            let finished = Date()
            deliver(.snapshot(snapshot, duration: finished.timeIntervalSince(started), at: finished))
            delay = interval
        } catch {
            failures += 1
            discoverNext = true
            delay = min(maxBackoff, interval * pow(2, Double(failures - 1)))
            // "Not connected, retrying" hides the cause; the cause says what to do about it.
            var reported = error
            if case .reconnecting = error, let cause = connection.lastFailure { reported = cause }
            deliver(.failed(reported, retryIn: delay, at: Date()))
        }
        return delay
    }

    private func schedule(after delay: Double) {
        let scheduled = generation
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            // A refresh in between started a newer chain; this one ends here.
            guard running, generation == scheduled else { return }
            pollNow()
        }
    }
}
