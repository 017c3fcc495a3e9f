import Foundation
import Operations
import RedisClient
import Synchronization

/// The dashboard's log pane as a poll source: the real `LogStore.discover` once, then the real
/// `LogStore.read` + `LogTail.ingest` on every poll, as the poller runs it.
struct LogTailSource: PollSource {
    var tail = LogTail()
    var lists: [LogList] = []

    mutating func poll(_ context: PollContext) throws(RedisError) -> LogTailUpdate {
        let env = OpsEnvironment(redis: context.redis, readOnly: true)
        do {
            if context.request == .everything || lists.isEmpty { lists = try LogStore.discover(env) }
            return tail.ingest(try LogStore.read(env, lists: lists))
        } catch {
            if case .redis(let redisError) = error { throw redisError }
            throw .unexpectedReply(command: "LRANGE", detail: error.description)
        }
    }
}

/// Compares what the tail reported with what the writer wrote. Every writer line carries its
/// list's sequence number, so a jump in the numbers the tail shows for a list is exactly a run
/// of lines it never showed; that poll must carry a `LogLoss` for the list.
struct LogOverflowCheck {
    private(set) var polls = 0
    private(set) var linesShown = 0
    /// Polls (per list) where lines were trimmed away before the tail saw them.
    private(set) var overflows = 0
    private(set) var overflowsSignalled = 0
    private(set) var linesLostSignalled = 0
    /// Lines never shown in a poll that said nothing about losing them: must be 0.
    private(set) var linesMissedSilently = 0
    /// Loss signals where nothing was lost (harmless but noisy).
    private(set) var falseAlarms = 0
    private(set) var duplicates = 0
    private var lastSeen: [String: Int] = [:]

    mutating func observe(_ update: LogTailUpdate) {
        polls += 1
        var shown: [String: [Int]] = [:]
        for entry in update.entries {
            guard let seq = LogWriter.sequence(of: entry.raw) else { continue }
            shown[entry.key, default: []].append(seq)
        }
        let lossKeys = Set(update.losses.map(\.key))
        for key in Set(shown.keys).union(lossKeys) {
            let seqs = shown[key] ?? []
            var gap = 0
            var previous = lastSeen[key] ?? -1
            for seq in seqs {
                if seq <= previous {
                    duplicates += 1
                    continue
                }
                gap += seq - previous - 1
                previous = seq
            }
            lastSeen[key] = previous
            linesShown += seqs.count
            let signalled = lossKeys.contains(key)
            if gap > 0 {
                overflows += 1
                if signalled {
                    overflowsSignalled += 1
                    linesLostSignalled += gap
                } else {
                    linesMissedSilently += gap
                }
            } else if signalled {
                falseAlarms += 1
            }
        }
    }

    /// After the writer stopped and a last poll ran: lines written that were never shown at all.
    func unseenAtEnd(written: [Int], keys: [String]) -> Int {
        zip(keys, written).reduce(0) { total, pair in
            total + max(0, pair.1 - 1 - (lastSeen[pair.0] ?? -1))
        }
    }
}

/// Runs the real poller (default interval) over the log lists while `LogWriter` writes.
struct LogOverflowRun {
    let endpoint: RedisEndpoint
    let keys: [String]
    let rate: Int
    let seconds: Double

    struct Outcome {
        let check: LogOverflowCheck
        let written: Int
        let unseenAtEnd: Int
        let interval: Double
        let writerError: String?
    }

    func run() throws -> Outcome {
        let updates = Mutex<[LogTailUpdate]>([])
        let failures = Mutex<[String]>([])
        let poller = Poller(
            connection: RedisConnectionOptions(endpoint: endpoint, clientName: "bench-tail"),
            source: LogTailSource()
        ) { event in
            switch event {
            case .snapshot(let update, _, _): updates.withLock { $0.append(update) }
            case .failed(let error, _, _): failures.withLock { $0.append("\(error)") }
            }
        }
        let interval = Self.defaultInterval
        poller.start()
        defer { poller.stop() }
        // The first read primes the tail (everything counts as new, nothing as lost).
        let deadline = Stopwatch.now() + 10
        while updates.withLock({ $0.isEmpty }) && Stopwatch.now() < deadline { usleep(10_000) }
        guard !updates.withLock({ $0.isEmpty }) else { throw BenchFailure("the log tail poller delivered nothing") }

        let writer = LogWriter(endpoint: endpoint, keys: keys, rate: rate, seconds: seconds)
        writer.start()
        while !writer.progress.done { usleep(50_000) }
        // Two more polls so the tail has seen the last lines written.
        let seen = updates.withLock { $0.count }
        while updates.withLock({ $0.count }) < seen + 2 && Stopwatch.now() < deadline + seconds + 10 { usleep(20_000) }

        var check = LogOverflowCheck()
        for update in updates.withLock({ $0 }).dropFirst() { check.observe(update) }
        let progress = writer.progress
        if let failure = failures.withLock({ $0.first }) { throw BenchFailure("a tail poll failed: \(failure)") }
        return Outcome(
            check: check, written: progress.written.reduce(0, +),
            unseenAtEnd: check.unseenAtEnd(written: progress.written, keys: keys),
            interval: interval, writerError: progress.error)
    }

    /// The poller's default interval (its `init` default), which the dashboard uses unless configured.
    static let defaultInterval = 1.0
}
