import Foundation
import LocalRedis
import RedisClient
import Synchronization

/// Another client writing log lines the way services do (LPUSH + LTRIM to 100), at a fixed
/// rate, on its own thread and connection, for a bounded time.
///
/// Every line carries a per-list sequence number (`seq=N`), so the reader can tell exactly
/// which lines it never saw. Most lines go to a few hot lists (which overflow between polls);
/// the rest are spread over all lists (which should not).
final class LogWriter: Sendable {
    let keys: [String]
    let hotLists: Int
    let rate: Int
    let seconds: Double
    private let endpoint: RedisEndpoint
    private let state = Mutex<(written: [Int], done: Bool, error: String?)>(([], false, nil))

    init(endpoint: RedisEndpoint, keys: [String], hotLists: Int = 2, rate: Int, seconds: Double) {
        self.endpoint = endpoint
        self.keys = keys
        self.hotLists = hotLists
        self.rate = rate
        self.seconds = seconds
    }

    /// The tag every written line carries; the reader ignores lines without it.
    static let tag = " bench seq="

    static func sequence(of raw: String) -> Int? {
        guard let range = raw.range(of: tag) else { return nil }
        return Int(raw[range.upperBound...].prefix { $0.isNumber })
    }

    /// Lines written per list so far, whether it has finished, and why it failed (if it did).
    var progress: (written: [Int], done: Bool, error: String?) { state.withLock { $0 } }

    func start() {
        let thread = Thread { [self] in write() }
        thread.name = "opsdeck-bench log writer"
        thread.start()
    }

    private func write() {
        var written = [Int](repeating: 0, count: keys.count)
        defer {
            state.withLock {
                $0.written = written
                $0.done = true
            }
        }
        let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, clientName: "bench-writer"))
        let tick = 0.01 // a pipeline of rate/100 lines every 10 ms
        let perTick = max(1, Int(Double(rate) * tick))
        let start = Stopwatch.now()
        var ticks = 0
        var line = 0
        while Stopwatch.now() - start < seconds {
            var commands: [RedisCommand] = []
            for _ in 0..<perTick {
                // 80% to the hot lists, 20% round-robin over every list.
                let list = line % 5 != 4 ? line % hotLists : (line / 5) % keys.count
                line += 1
                let key = keys[list]
                commands.append(RedisCommand("LPUSH", key, "\(SyntheticData.asctime)\(Self.tag)\(written[list]) of \(key)"))
                commands.append(RedisCommand("LTRIM", key, 0, 99))
                written[list] += 1
            }
            do {
                try connection.send(commands)
            } catch {
                state.withLock { $0.error = "\(error)" }
                return
            }
            if ticks % 10 == 0 { state.withLock { $0.written = written } }
            ticks += 1
            let next = start + Double(ticks) * tick
            let wait = next - Stopwatch.now()
            if wait > 0 { usleep(UInt32(wait * 1e6)) }
        }
    }
}
