import RedisClient

/// Figure 2: with many session hashes, the time to the first page of the sessions list and to
/// the full count; the count is compared with `redis-cli --scan --pattern 'session:*' | wc -l`.
struct SessionsBench {
    let options: BenchOptions
    let socket: String
    let connection: RedisConnection
    let report: Report

    static let pageSize = 50

    func run() throws {
        let recorder = RecordingSender(connection)
        var firstPage = 0
        let pageSample = try Sample.measure(repeats: options.repeats) {
            recorder.reset()
            firstPage = try self.firstPage(on: recorder)
        }
        let pageTrips = recorder.roundTrips
        report.add(Figure(
            id: "sessions.first_page", title: "2a. sessions: first page (\(options.sessions) sessions)", unit: "s",
            value: pageSample.median, min: pageSample.min, goal: "< 100 ms",
            verdict: pageSample.median < 0.1 ? .pass : .miss,
            note: "\(firstPage) rows in \(pageTrips) round trips; \(Self.pathNote)", runs: pageSample.runs.count))

        var counted = 0
        let countSample = try Sample.measure(repeats: max(3, options.repeats / 2)) {
            recorder.reset()
            counted = try self.count(on: recorder)
        }
        let countTrips = recorder.roundTrips

        let cli = try ExternalProcess.locate("redis-cli", install: "apt-get install -y redis-tools")
        let script = "'\(cli)' -s '\(socket)' --scan --pattern 'session:*' | wc -l"
        var cliCount = 0
        var cliRuns: [Double] = []
        for _ in 0..<max(3, options.repeats / 2) {
            let result = try ExternalProcess.run("/bin/sh", ["-c", script])
            cliRuns.append(result.seconds)
            cliCount = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        }
        let cliSample = Sample(cliRuns)
        let ratio = countSample.median / cliSample.median
        let correct = counted == options.sessions && cliCount == options.sessions
        report.add(Figure(
            id: "sessions.count", title: "2b. sessions: full count", unit: "s",
            value: countSample.median, min: countSample.min, baseline: cliSample.median, baselineMin: cliSample.min,
            baselineLabel: "redis-cli --scan | wc -l", ratio: ratio, goal: "< 1 s and <= 1.00x",
            verdict: !correct ? .error : (countSample.median < 1 && ratio <= 1 ? .pass : .miss),
            note: "counted \(counted), redis-cli \(cliCount), expected \(options.sessions); \(countTrips) round trips; \(Self.pathNote)",
            runs: countSample.runs.count))
    }

    static let pathNote = "RedisClient SCAN COUNT 1000 (SessionStore not merged yet)"

    private func firstPage(on redis: any RedisCommandSender) throws -> Int {
        var scanner = KeyScanner(pattern: "session:*", count: 1000)
        var keys: [RedisKey] = []
        while keys.count < Self.pageSize, let page = try scanner.next(on: redis) { keys += page }
        let rows = try redis.send(keys.prefix(Self.pageSize).map { RedisCommand("HGETALL", $0) })
        return rows.count
    }

    private func count(on redis: any RedisCommandSender) throws -> Int {
        try KeyScanner.collect(on: redis, pattern: "session:*", count: 1000).count
    }
}
