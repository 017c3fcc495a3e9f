import Foundation
import LocalRedis
import Operations
import RedisClient

/// Figure 3: one FT.SEARCH round trip for a 50-result page over the error records, on
/// RediSearch 1.x and 2.x, against redis-benchmark sending the same FT.SEARCH one at a time.
struct SearchBench {
    let options: BenchOptions
    let report: Report

    func run(flavor: ServerFlavor) throws {
        let generation = flavor == .search1 ? 1 : 2
        let id = "search.ft\(generation)"
        let title = "3\(generation == 1 ? "a" : "b"). error search, RediSearch \(generation).x (\(options.errors) records)"
        let server: RedisServerProcess
        do {
            server = try RedisServerProcess(flavor: flavor)
        } catch {
            report.add(Figure(id: id, title: title, unit: "s", verdict: .error, note: "\(error)"))
            return
        }
        defer { server.stop() }
        let connection = try server.connect(readTimeout: 60)
        // The index comes from the real store (its schema and prefix); the records are loaded in
        // pipelines of 1,000 in the formats the store writes (FT.ADD on 1.x, hashes under the
        // prefix on 2.x), which is much faster than 10,000 single `add` calls.
        let setup = OpsEnvironment(redis: connection)
        let module = try SearchModule.detect(setup)
        guard module.generation == (generation == 1 ? .v1 : .v2) else {
            throw BenchFailure("expected RediSearch \(generation).x, found \(module)")
        }
        let store = ErrorStore(module: module)
        try store.createIndex(setup)
        try SyntheticData.load(
            Array(
                SyntheticData.errorCommands(
                    count: options.errors, index: setup.patterns.errorIndex,
                    prefix: setup.patterns.errorPrefix, generation: generation
                ).dropFirst()),
            on: connection)
        try waitForIndexing(connection, index: setup.patterns.errorIndex)

        let recorder = RecordingSender(connection)
        let recording = OpsEnvironment(redis: recorder, readOnly: true)
        let env = OpsEnvironment(redis: connection, readOnly: true)
        // Warm up, and capture the exact command the store sends, for redis-benchmark.
        let first = try store.search(recording, query: Self.query, limit: 50)
        let command = recorder.lastBatch.first
        let (total, returned) = (first.total, first.records.count)
        guard let command else { throw BenchFailure("the search sent no command") }
        let arguments = command.arguments.map { String(decoding: $0, as: UTF8.self) }
        let benchmark = try RedisBenchmark(socket: server.socketPath)
        // Rounds alternate opsdeck's searches and redis-benchmark's, so both see the same load.
        var runs: [Double] = []
        var p50s: [Double] = []
        var mins: [Double] = []
        for _ in 0..<3 {
            for _ in 0..<(options.quick ? 30 : 100) {
                runs.append(try Stopwatch.time { _ = try store.search(env, query: Self.query, limit: 50) })
            }
            let result = try benchmark.run(arguments, requests: options.quick ? 300 : 1_000, pipeline: 1)
            p50s.append(result.p50)
            mins.append(result.minimum)
        }
        let sample = Sample(runs)
        let baseline = Sample(p50s)
        let ratio = sample.median / baseline.median
        report.add(
            Figure(
                id: id, title: title, unit: "s", value: sample.median, min: sample.min,
                baseline: baseline.median, baselineMin: mins.min(), baselineLabel: "redis-benchmark -P 1 p50",
                ratio: ratio, goal: "<= 1.15x (issue 28)",
                verdict: returned == 50 ? (ratio <= 1.15 ? .pass : .miss) : .error,
                note:
                    "ErrorStore.search(query: \"\(Self.query)\", limit: 50): page of \(returned) of \(total) hits; sends \(arguments.joined(separator: " "))",
                runs: runs.count))
    }

    /// What a user types into the errors pane; it matches 40% of the records.
    static let query = "payment"

    /// RediSearch 2.x indexes existing hashes in the background: wait until it is done.
    private func waitForIndexing(_ connection: RedisConnection, index: String) throws {
        let deadline = Stopwatch.now() + 120
        while Stopwatch.now() < deadline {
            let reply = try connection.execute("FT.INFO", index)
            guard let fields = reply.array else { return }
            var info: [String: RedisValue] = [:]
            var i = 0
            while i + 1 < fields.count {
                if let name = fields[i].string { info[name] = fields[i + 1] }
                i += 2
            }
            let indexing = info["indexing"]?.int ?? 0
            let docs = info["num_docs"]?.int ?? 0
            if indexing == 0 && docs >= Int64(options.errors) { return }
            usleep(50_000)
        }
        throw BenchFailure("the search index did not finish indexing within 120 s")
    }
}
