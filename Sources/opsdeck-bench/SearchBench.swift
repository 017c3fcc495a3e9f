import Foundation
import LocalRedis
import RedisClient

/// Figure 3: one FT.SEARCH round trip for a 50-result page over the error records, on
/// RediSearch 1.x and 2.x, against redis-benchmark sending the same FT.SEARCH one at a time.
struct SearchBench {
    let options: BenchOptions
    let report: Report

    static let index = "toggle_errors_db"
    static let prefix = "error:"

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
        try SyntheticData.load(
            SyntheticData.errorCommands(count: options.errors, index: Self.index, prefix: Self.prefix, generation: generation),
            on: connection)
        try waitForIndexing(connection)

        let recorder = RecordingSender(connection)
        var total: Int64 = 0
        var returned = 0
        // Warm up, and capture the exact command opsdeck sends for redis-benchmark.
        (total, returned) = try search(on: recorder)
        let command = recorder.lastBatch.first
        var runs: [Double] = []
        for _ in 0..<(options.quick ? 100 : 300) {
            runs.append(try Stopwatch.time { _ = try search(on: connection) })
        }
        let sample = Sample(runs)

        guard let command else { throw BenchFailure("the search sent no command") }
        let arguments = command.arguments.map { String(decoding: $0, as: UTF8.self) }
        let benchmark = try RedisBenchmark(socket: server.socketPath)
        var p50s: [Double] = []
        var mins: [Double] = []
        for _ in 0..<3 {
            let result = try benchmark.run(arguments, requests: options.quick ? 300 : 1_000, pipeline: 1)
            p50s.append(result.p50)
            mins.append(result.minimum)
        }
        let baseline = Sample(p50s)
        let ratio = sample.median / baseline.median
        report.add(Figure(
            id: id, title: title, unit: "s", value: sample.median, min: sample.min,
            baseline: baseline.median, baselineMin: mins.min(), baselineLabel: "redis-benchmark -P 1 p50",
            ratio: ratio, goal: "report (issue sets no number); ~1x",
            verdict: returned == 50 ? .info : .error,
            note: "page of \(returned) of \(total) hits; query: \(arguments.dropFirst(2).first ?? "?"); \(Self.pathNote)",
            runs: runs.count))
    }

    static let pathNote = "RedisClient FT.SEARCH (ErrorStore not merged yet)"

    private func search(on redis: any RedisCommandSender) throws -> (Int64, Int) {
        let reply = try redis.execute(RedisCommand("FT.SEARCH", Self.index, "@exceptionBody:(exception*)", "LIMIT", 0, 50))
        guard let parts = reply.array, let total = parts.first?.int else { throw BenchFailure("unexpected FT.SEARCH reply") }
        return (total, (parts.count - 1) / 2)
    }

    /// RediSearch 2.x indexes existing hashes in the background: wait until it is done.
    private func waitForIndexing(_ connection: RedisConnection) throws {
        let deadline = Stopwatch.now() + 120
        while Stopwatch.now() < deadline {
            let reply = try connection.execute("FT.INFO", Self.index)
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
