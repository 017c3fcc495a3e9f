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
    /// `poll`, handing over parts of the snapshot that are ready (`early`, called on the
    /// poller's queue, each part delivered like a snapshot of its own) before the rest is read,
    /// so a slow part does not hold back a quick one. Parts and the returned rest together say
    /// what one snapshot would. The default hands over nothing early.
    mutating func poll(_ context: PollContext, early: (Snapshot) -> Void) throws(RedisError) -> Snapshot
    /// The server reported these keys changed (nil: possibly every key). Returns whether any
    /// matters to the source: then a `.soon` poll reads them at once.
    mutating func invalidated(_ keys: [RedisKey]?) -> Bool
}

extension PollSource {
    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool { false }
    public mutating func poll(_ context: PollContext, early: (Snapshot) -> Void) throws(RedisError) -> Snapshot {
        try poll(context)
    }
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
    private var connection: any RedisLink
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
    private var updates = UpdateMode.polling(reason: nil)
    /// An invalidation-driven poll is already on its way (bursts of changes share one).
    private var changePollPending = false
    /// Deployment events (`RedisLink.takeEvents`) not yet in a delivered snapshot.
    private var unsaidEvents: [String] = []
    /// When the last poll that read every due part (`.routine` or `.everything`) started.
    private var lastFullPoll: Date?

    public init(
        connection options: RedisConnectionOptions,
        source: Source,
        interval: Double = 1,
        maxBackoff: Double = 5,
        deliver: @escaping @Sendable (PollEvent<Source.Snapshot>) -> Void
    ) {
        connection = RedisLinks.make(options)
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

    /// Stops without waiting for a poll in flight: for quitting, when the process exits next and
    /// a poll on a slow link may hold the queue for its whole timeout (issue 29, bug 7). The
    /// connection is closed by the queue once that poll ends, or by the exit.
    public func abandon() {
        queue.async { [self] in
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

    /// The invalidation channel subscribed with this client id: the poller's connection reports
    /// the keys it reads to it from now on (and after every reconnect). A refusal (ACL without
    /// `CLIENT`, an old server) leaves polling on, and says why. Everything is read again at
    /// once, both to catch what changed unseen and to arm tracking on every key.
    public func enableTracking(redirect clientID: Int64) {
        queue.async { [self] in
            connection.setupCommands = [RedisCommand("CLIENT", "TRACKING", "on", "REDIRECT", clientID)]
            do {
                // On a connection the server dropped (a restart, a failover), the attempt fails
                // and a fresh connection runs the setup itself.
                do { try connection.applySetup() } catch { try connection.connect() }
                if let refusal = connection.setupRefusal {
                    connection.setupCommands = []
                    updates = .polling(reason: Self.reason(refusal))
                } else {
                    updates = .live
                }
            } catch {
                // Not connected: the setup runs with the next connect; until then, polling.
                updates = .polling(reason: "connecting")
            }
            nextRequest = .everything
            if running { pollNow() }
        }
    }

    /// The channel is down: nothing is reported until it is back, so polling alone, and
    /// everything is read again when it returns (`enableTracking`).
    public func trackingLost(_ error: RedisError) {
        queue.async { [self] in
            connection.setupCommands = []
            switch error {
            case .noPermission: updates = .polling(reason: "CLIENT not permitted (ACL)")
            case .server(let message) where message.lowercased().contains("unknown"):
                updates = .polling(reason: "server without client tracking")
            default: updates = .polling(reason: "invalidations resubscribing")
            }
        }
    }

    /// Keys the server reported changed: the source marks them, and one poll reads them soon
    /// (changes arriving together share it).
    public func invalidated(_ keys: [RedisKey]?) {
        queue.async { [self] in
            guard source.invalidated(keys), running, !changePollPending else { return }
            changePollPending = true
            queue.asyncAfter(deadline: .now() + 0.01) { [self] in
                changePollPending = false
                guard running else { return }
                if nextRequest == .routine { nextRequest = .soon }
                pollNow()
            }
        }
    }

    /// How changes reach the poller now; readable from its queue.
    public var updateMode: UpdateMode { queue.sync { updates } }

    private static func reason(_ refusal: String) -> String {
        if refusal.hasPrefix("NOPERM") { return "CLIENT not permitted (ACL)" }
        if refusal.lowercased().contains("unknown") { return "server without client tracking" }
        return RedisError.clause(refusal)
    }

    /// Runs `work` on the poller's queue with its connection, between polls.
    public func perform(_ work: @escaping @Sendable (any RedisCommandSender) -> Void) {
        queue.async { [self] in
            work(sender)
        }
    }

    /// Runs `work` with the poller's connection on the calling thread, while the poller's queue
    /// waits (between polls). For work that needs several pollers' connections at once (a
    /// dashboard whose kinds of data live in different databases): call it from inside another
    /// poller's `perform`, always nesting pollers in one fixed order, so two such calls can never
    /// wait on each other. Never call it on this poller's own queue.
    public func borrow<T>(_ work: (any RedisCommandSender) -> T) -> T {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return queue.sync { work(sender) }
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
        var request = nextRequest
        // Every part has a deadline: change-driven polls (`.soon`) restart the timer, so under a
        // steady stream of invalidations (busy logs) the routine poll would never come and the
        // parts no change names (the errors) would never be read again (issue 29, bug 1). Once
        // an interval has passed since the last full poll, this one is routine.
        if request == .soon, let last = lastFullPoll, started.timeIntervalSince(last) >= interval { request = .routine }
        if request != .soon { lastFullPoll = started }
        let delay: Double
        // What happened to the deployment (a failover) is said by the next poll that gets
        // through: a poll that fails does not lose it.
        unsaidEvents += connection.takeEvents()
        do {
            let context = PollContext(
                redis: sender, request: request, commandsSent: sender.commandsSent,
                updates: updates, shape: { self.connection.shape }, events: unsaidEvents)
            let deliver = self.deliver
            let snapshot = try source.poll(
                context,
                early: { part in
                    let now = Date()
                    deliver(.snapshot(part, duration: now.timeIntervalSince(started), at: now))
                })
            nextRequest = .routine
            failures = 0
            unsaidEvents = connection.takeEvents()
            // Tracking set up on a reconnect inside this poll (after `enableTracking` found the
            // connection down) is live from now on, or refused, as the server answered.
            if !connection.setupCommands.isEmpty, !updates.isLive {
                if let refusal = connection.setupRefusal {
                    connection.setupCommands = []
                    updates = .polling(reason: Self.reason(refusal))
                } else if connection.isConnected {
                    updates = .live
                }
            }
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
