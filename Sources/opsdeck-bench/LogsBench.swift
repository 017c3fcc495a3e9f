import Foundation
import LocalRedis
import RedisClient

/// Figure 4: the cost of one log tail poll over `logLists` lists of 100 entries, against
/// redis-benchmark's LRANGE at the same pipeline depth; then a writer at 1,000 lines/s while
/// the tail polls at its default interval, checking every overflow against the loss signal.
struct LogsBench {
    let options: BenchOptions
    let server: RedisServerProcess
    let connection: RedisConnection
    let report: Report

    func run() throws {
        let keys = SyntheticData.logKeys(lists: options.logLists)
        let recorder = RecordingSender(connection)
        var lines = 0
        let sample = try Sample.measure(repeats: options.repeats * 3) {
            recorder.reset()
            lines = try poll(keys: keys, on: recorder)
        }
        let depth = recorder.deepestPipeline
        let benchmark = try RedisBenchmark(socket: server.socketPath)
        var baselineRuns: [Double] = []
        for _ in 0..<3 {
            // Same LRANGE, same depth; the 10 `error` lists stand for all 50 (same length and line size).
            let services = max(1, options.logLists / SyntheticData.severities.count)
            let result = try benchmark.run(["LRANGE", "recent:svc__rand_int__:error", "0", "99"],
                                           requests: 20_000, pipeline: depth, keyspace: services)
            baselineRuns.append(Double(keys.count) / result.requestsPerSecond)
        }
        let baseline = Sample(baselineRuns)
        let ratio = sample.median / baseline.median
        report.add(Figure(
            id: "logs.poll", title: "4a. log tail poll (\(keys.count) lists x 100)", unit: "s",
            value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
            baselineLabel: "redis-benchmark LRANGE -P \(depth)", ratio: ratio, goal: "report; ~1x",
            verdict: lines == keys.count * 100 ? .info : .error,
            note: "\(lines) lines read in \(recorder.roundTrips) round trip(s); \(Self.pathNote)", runs: sample.runs.count))

        report.add(Figure(
            id: "logs.overflow", title: "4b. log tail vs writer at \(options.writerRate) lines/s", unit: "count",
            verdict: .todo, note: "needs LogStore/LogTail (not merged yet)"))
    }

    static let pathNote = "RedisClient pipelined LRANGE (LogStore/LogTail not merged yet)"

    private func poll(keys: [String], on redis: any RedisCommandSender) throws -> Int {
        let replies = try redis.send(keys.map { RedisCommand("LRANGE", $0, 0, 99) })
        var lines: [String] = []
        for reply in replies { for entry in reply.array ?? [] { if let s = entry.string { lines.append(s) } } }
        return lines.count
    }
}
