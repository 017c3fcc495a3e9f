import Operations
import RedisClient

/// Figure 1: one toggle snapshot (pipelined HGETALL of every toggle + decoding) against
/// redis-benchmark sending the same HGETALLs with the same pipeline depth on the same socket.
struct TogglesBench {
    let options: BenchOptions
    let socket: String
    let connection: RedisConnection
    let report: Report
    let tls: TLSTarget

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
        var clientRuns: [Double] = []
        var baselineRuns: [Double] = []
        let commands = keys.map { RedisCommand("HGETALL", $0) }
        for _ in 0..<options.repeats {
            runs.append(try Stopwatch.time { decoded = try fetchSnapshot(keys: keys, on: connection) })
            // The same pipeline through RedisClient alone: replies copied into RedisValues, not decoded.
            clientRuns.append(try Stopwatch.time { _ = try connection.send(commands) })
            let result = try benchmark.run(["HGETALL", "toggle:__rand_int__"], requests: requests, pipeline: depth, keyspace: count)
            baselineRuns.append(Double(count) / result.requestsPerSecond)
        }
        let sample = Sample(runs)
        let baseline = Sample(baselineRuns)
        let ratio = sample.median / baseline.median
        report.add(Figure(
            id: "toggles.snapshot", title: "1. toggle snapshot (\(count) toggles)", unit: "s",
            value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
            baselineLabel: "redis-benchmark -P \(depth)", ratio: ratio, goal: "<= 1.15x",
            verdict: ratio <= 1.15 ? .pass : .miss,
            note: "\(trips) round trip(s), deepest pipeline \(depth); \(Self.pathNote)",
            runs: sample.runs.count))
        let client = Sample(clientRuns)
        report.add(Figure(
            id: "toggles.redisclient", title: "1b. same pipeline, RedisClient only (no decoding)", unit: "s",
            value: client.median, min: client.min, baseline: baseline.median, baselineMin: baseline.min,
            baselineLabel: "redis-benchmark -P \(depth)", ratio: client.median / baseline.median, goal: "report (the transport's share of 1)",
            verdict: .info, note: "RedisConnection.send of the \(count) HGETALLs: RESP encoding, hiredis' parser into the reply arena, copy into RedisValue",
            runs: client.runs.count))
        try overTLS(keys: keys, depth: depth, requests: requests)
        try discovery()
    }

    /// Figure 1d: the same snapshot over TLS (OpenSSL, verified) against `redis-benchmark --tls`.
    private func overTLS(keys: [RedisKey], depth: Int, requests: Int) throws {
        let count = keys.count
        let secure = RedisConnection(options: RedisConnectionOptions(endpoint: tls.endpoint, readTimeout: 60))
        try secure.connect()
        defer { secure.close() }
        guard try fetchSnapshot(keys: keys, on: secure) == count else {
            throw BenchFailure("the TLS toggle snapshot decoded the wrong number of toggles")
        }
        let benchmark = try RedisBenchmark(target: tls.benchmarkArguments)
        var runs: [Double] = []
        var baselineRuns: [Double] = []
        for _ in 0..<options.repeats {
            runs.append(try Stopwatch.time { _ = try fetchSnapshot(keys: keys, on: secure) })
            let result = try benchmark.run(["HGETALL", "toggle:__rand_int__"], requests: requests, pipeline: depth, keyspace: count)
            baselineRuns.append(Double(count) / result.requestsPerSecond)
        }
        let sample = Sample(runs)
        let baseline = Sample(baselineRuns)
        let ratio = sample.median / baseline.median
        report.add(Figure(
            id: "toggles.snapshot.tls", title: "1d. toggle snapshot over TLS (\(count) toggles)", unit: "s",
            value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
            baselineLabel: "redis-benchmark --tls -P \(depth)", ratio: ratio, goal: "<= 1.25x",
            verdict: ratio <= 1.25 ? .pass : .miss,
            note: "\(secure.security ?? "TLS") on loopback TCP; \(Self.pathNote)", runs: sample.runs.count))
    }

    static let pathNote = "ToggleStore.fetch (pipelined HGETALL + Toggle decoding)"

    /// The real store's snapshot of the given toggles; returns how many toggles it decoded.
    private func fetchSnapshot(keys: [RedisKey], on redis: any RedisCommandSender) throws -> Int {
        try ToggleStore.fetch(OpsEnvironment(redis: redis, readOnly: true), keys: keys).count
    }

    /// Discovery (SCAN + HEXISTS per hash) with the default toggle pattern, which the dashboard
    /// runs every 10 polls: reported, not a goal, since it walks the whole keyspace.
    func discovery() throws {
        let recorder = RecordingSender(connection)
        let env = OpsEnvironment(redis: recorder, readOnly: true)
        var found = 0
        let sample = try Sample.measure(repeats: max(3, options.repeats / 2)) {
            recorder.reset()
            found = try ToggleStore.discover(env).count
        }
        let keyspace = try connection.execute("DBSIZE").int ?? -1
        report.add(Figure(
            id: "toggles.discover", title: "1c. toggle discovery, pattern `\(env.patterns.toggles)`", unit: "s",
            value: sample.median, min: sample.min, goal: "report", verdict: found == options.toggles ? .info : .error,
            note: "ToggleStore.discover found \(found) toggles among \(keyspace) keys in \(recorder.roundTrips) round trips "
                + "(\(recorder.commandCount) commands)", runs: sample.runs.count))
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
