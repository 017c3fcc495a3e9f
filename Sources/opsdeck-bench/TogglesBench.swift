import RedisClient

/// Figure 1: one toggle snapshot (pipelined HGETALL of every toggle + decoding) against
/// redis-benchmark sending the same HGETALLs with the same pipeline depth on the same socket.
struct TogglesBench {
    let options: BenchOptions
    let socket: String
    let connection: RedisConnection
    let report: Report

    func run() throws {
        let count = options.toggles
        let keys = (0..<count).map { RedisKey(SyntheticData.toggleKey($0)) }
        let recorder = RecordingSender(connection)

        // Warm-up, which also records the pipeline depth opsdeck's code uses.
        var decoded = try fetchSnapshot(keys: keys, on: recorder)
        let depth = recorder.deepestPipeline
        let trips = recorder.roundTrips
        guard decoded == count else {
            throw BenchFailure("the toggle snapshot decoded \(decoded) of \(count) toggles")
        }

        // redis-benchmark's -r picks random keys below `count`, so it reads the same hashes
        // (with repeats) at the depth opsdeck used. Its clock ticks in milliseconds: each run is
        // sized to at least ~200,000 requests and scaled back to one snapshot of `count`.
        // The two alternate, so both see the same background load on a shared machine.
        let benchmark = try RedisBenchmark(socket: socket)
        let requests = max(count * 10, 200_000)
        var runs: [Double] = []
        var baselineRuns: [Double] = []
        for _ in 0..<options.repeats {
            runs.append(try Stopwatch.time { decoded = try fetchSnapshot(keys: keys, on: connection) })
            let result = try benchmark.run(["HGETALL", "toggle:__rand_int__"], requests: requests, pipeline: depth, keyspace: count)
            baselineRuns.append(Double(count) / result.requestsPerSecond)
        }
        let sample = Sample(runs)
        let baseline = Sample(baselineRuns)
        let ratio = sample.median / baseline.median
        report.add(Figure(
            id: "toggles.snapshot", title: "1. toggle snapshot (\(count) toggles)", unit: "s",
            value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
            baselineLabel: "redis-benchmark -P \(depth)", ratio: ratio, goal: "<= 1.30x",
            verdict: ratio <= 1.3 ? .pass : .miss,
            note: "\(trips) round trip(s), deepest pipeline \(depth); \(Self.pathNote)",
            runs: sample.runs.count))
    }

    static let pathNote = "RedisClient pipelined HGETALL + field decoding (ToggleStore not merged yet)"

    /// Fetch and decode one snapshot; returns how many toggles were decoded.
    private func fetchSnapshot(keys: [RedisKey], on redis: any RedisCommandSender) throws -> Int {
        let replies = try redis.send(keys.map { RedisCommand("HGETALL", $0) })
        var toggles: [[String: String]] = []
        toggles.reserveCapacity(keys.count)
        for reply in replies {
            guard let pairs = reply.pairs else { continue }
            toggles.append(Dictionary(pairs, uniquingKeysWith: { first, _ in first }))
        }
        return toggles.filter { $0["toggle"] != nil }.count
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
