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
        let decoded = try fetchSnapshot(keys: keys, on: recorder)
        let depth = recorder.deepestPipeline
        let trips = recorder.roundTrips
        guard decoded == count else {
            throw BenchFailure("the toggle snapshot decoded \(decoded) of \(count) toggles")
        }

        let benchmark = try RedisBenchmark(socket: socket)
        let requests = max(count * 10, 200_000)
        var clientRuns: [Double] = []
        let commands = keys.map { RedisCommand("HGETALL", $0) }
        let (sample, baseline) = try alternate(on: connection, with: benchmark, keys: keys, depth: depth, requests: requests) {
            // The same pipeline through RedisClient alone: replies copied into RedisValues, not decoded.
            clientRuns.append(try Stopwatch.time { _ = try connection.send(commands) })
        }
        addSnapshotFigure(
            id: "toggles.snapshot", title: "1. toggle snapshot (\(count) toggles)", sample, baseline,
            baselineLabel: "redis-benchmark -P \(depth)", goal: 1.15,
            note: "\(trips) round trip(s), deepest pipeline \(depth); \(Self.pathNote)")
        let client = Sample(clientRuns)
        report.add(
            Figure(
                id: "toggles.redisclient", title: "1b. same pipeline, RedisClient only (no decoding)", unit: "s",
                value: client.median, min: client.min, baseline: baseline.median, baselineMin: baseline.min,
                baselineLabel: "redis-benchmark -P \(depth)", ratio: client.median / baseline.median,
                goal: "report (the transport's share of 1)",
                verdict: .info,
                note:
                    "RedisConnection.send of the \(count) HGETALLs: RESP encoding, hiredis' parser into the reply arena, copy into RedisValue",
                runs: client.runs.count))
        try overTLS(keys: keys, depth: depth, requests: requests)
        try discovery()
    }

    /// Figure 1d: the same snapshot over TLS (OpenSSL, verified) against `redis-benchmark --tls`.
    private func overTLS(keys: [RedisKey], depth: Int, requests: Int) throws {
        let secure = RedisConnection(options: RedisConnectionOptions(endpoint: tls.endpoint, readTimeout: 60))
        try secure.connect()
        defer { secure.close() }
        guard try fetchSnapshot(keys: keys, on: secure) == keys.count else {
            throw BenchFailure("the TLS toggle snapshot decoded the wrong number of toggles")
        }
        let benchmark = try RedisBenchmark(target: tls.benchmarkArguments)
        let (sample, baseline) = try alternate(on: secure, with: benchmark, keys: keys, depth: depth, requests: requests)
        addSnapshotFigure(
            id: "toggles.snapshot.tls", title: "1d. toggle snapshot over TLS (\(keys.count) toggles)", sample, baseline,
            baselineLabel: "redis-benchmark --tls -P \(depth)", goal: 1.25,
            note: "\(secure.security ?? "TLS") on loopback TCP; \(Self.pathNote)")
    }

    /// opsdeck's snapshot on `connection` and redis-benchmark's same HGETALLs, alternating, so
    /// both see the same background load on a shared machine. redis-benchmark's -r picks random
    /// keys below the count (the same hashes, with repeats) at opsdeck's pipeline depth; its
    /// clock ticks in milliseconds, so each of its runs is sized to ~200,000 requests and
    /// scaled back to one snapshot.
    private func alternate(
        on connection: RedisConnection, with benchmark: RedisBenchmark, keys: [RedisKey], depth: Int,
        requests: Int, alsoEachRound: () throws -> Void = {}
    ) throws -> (Sample, Sample) {
        var runs: [Double] = []
        var baselineRuns: [Double] = []
        for _ in 0..<options.repeats {
            runs.append(try Stopwatch.time { _ = try fetchSnapshot(keys: keys, on: connection) })
            try alsoEachRound()
            let result = try benchmark.run(["HGETALL", "toggle:__rand_int__"], requests: requests, pipeline: depth, keyspace: keys.count)
            baselineRuns.append(Double(keys.count) / result.requestsPerSecond)
        }
        return (Sample(runs), Sample(baselineRuns))
    }

    private func addSnapshotFigure(
        id: String, title: String, _ sample: Sample, _ baseline: Sample, baselineLabel: String,
        goal: Double, note: String
    ) {
        let ratio = sample.median / baseline.median
        report.add(
            Figure(
                id: id, title: title, unit: "s", value: sample.median, min: sample.min, baseline: baseline.median,
                baselineMin: baseline.min, baselineLabel: baselineLabel, ratio: ratio, goal: String(format: "<= %.2fx", goal),
                verdict: ratio <= goal ? .pass : .miss, note: note, runs: sample.runs.count))
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
        report.add(
            Figure(
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
