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
    /// Fetches one snapshot, doing what `context.request` asks.
    mutating func poll(_ context: PollContext) throws(RedisError) -> Snapshot
}

/// Polls Redis on its own serial Dispatch queue and hands `Sendable` results to a callback.
///
/// Ownership and threading: the poller alone owns its `RedisConnection` and its `PollSource`;
/// both are touched only on `queue`. Polls never overlap (the next one is scheduled when the
/// previous one ends) and failures back off (interval doubling, capped). The poller decides only
/// whether a poll is `.routine` or `.everything` (first poll, the user's refresh, the first poll
/// after a failure); what is expensive and periodic is the source's budgets' business.
/// `deliver` is called on the poller's queue: the caller hops to its own
/// queue. `perform` runs one-off work (a flip, a search) on the same queue and connection, so it
/// never races a poll. `start`, `stop`, `refreshNow` and `perform` may be called from any thread.
public final class Poller<Source: PollSource>: @unchecked Sendable {
    public let queue = DispatchQueue(label: "opsdeck.poller")
    private let connection: RedisConnection
    private let sender: CountingSender
    private var source: Source
    private let interval: Double
    private let maxBackoff: Double
    private let deliver: @Sendable (PollEvent<Source.Snapshot>) -> Void
    // State below is only touched on `queue`.
    private var running = false
    private var generation = 0
    private var failures = 0
    private var nextRequest = PollRequest.everything

    public init(
        connection options: RedisConnectionOptions,
        source: Source,
        interval: Double = 1,
        maxBackoff: Double = 5,
        deliver: @escaping @Sendable (PollEvent<Source.Snapshot>) -> Void
    ) {
        connection = RedisConnection(options: options)
        sender = CountingSender(connection)
        self.source = source
        self.interval = interval
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

    /// Polls everything as soon as the current poll (if any) ends, and restarts the timer.
    /// `userAsked` (the `r` key) also skips the reconnect backoff: a person retrying after fixing
    /// a password or a firewall must not wait for the next scheduled attempt.
    public func refreshNow(userAsked: Bool = false) {
        queue.async { [self] in
            guard running else { return }
            nextRequest = .everything
            if userAsked {
                failures = 0
                connection.allowImmediateRetry()
            }
            pollNow()
        }
    }

    /// A routine poll as soon as the current poll (if any) ends, and restarts the timer: what a
    /// flip needs (its toggle re-read), never a keyspace walk.
    public func pollSoon() {
        queue.async { [self] in
            guard running else { return }
            if nextRequest == .routine { nextRequest = .soon }
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
        let request = nextRequest
        let delay: Double
        do {
            let snapshot = try source.poll(PollContext(redis: sender, request: request, commandsSent: sender.commandsSent))
            nextRequest = .routine
            failures = 0
            let finished = Date()
            deliver(.snapshot(snapshot, duration: finished.timeIntervalSince(started), at: finished))
            delay = interval
        } catch {
            failures += 1
            // The one place that decides: after an outage the keyspace may be anything (a
            // restarted server, a failover), so the next poll that gets through reads everything.
            nextRequest = .everything
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
