import Operations
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
        let env = OpsEnvironment(redis: recorder, readOnly: true)
        var firstPage = 0
        let pageSample = try Sample.measure(repeats: options.repeats) {
            recorder.reset()
            firstPage = try SessionStore.page(env).sessions.count
        }
        let pageTrips = recorder.roundTrips
        report.add(
            Figure(
                id: "sessions.first_page", title: "2a. sessions: first page (\(options.sessions) sessions)", unit: "s",
                value: pageSample.median, min: pageSample.min, goal: "< 100 ms",
                verdict: firstPage > 0 ? (pageSample.median < 0.1 ? .pass : .miss) : .error,
                note: "SessionStore.page: one SCAN step (COUNT \(env.patterns.scanCount), TYPE hash) + pipelined HGETALL+TTL; "
                    + "\(firstPage) sessions in \(pageTrips) round trips", runs: pageSample.runs.count))

        // The dashboard counts with SessionScan (the session walk of its poll source): a full
        // walk here, as many pages at once as it takes.
        var counted = 0
        let countSample = try Sample.measure(repeats: max(3, options.repeats / 2)) {
            recorder.reset()
            var scan = SessionScan(pattern: env.patterns.sessions, count: env.patterns.scanCount, limit: 500)
            scan.restart(force: true)
            while scan.isWalking { _ = try scan.advance(on: recorder, pages: 1_000) }
            counted = scan.total ?? -1
        }
        let countTrips = recorder.roundTrips

        let cli = try ExternalProcess.locate("redis-cli", install: "apt-get install -y redis-tools")
        let script = "'\(cli)' -s '\(socket)' --scan --pattern '\(env.patterns.sessions)' | wc -l"
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
        report.add(
            Figure(
                id: "sessions.count", title: "2b. sessions: full count", unit: "s",
                value: countSample.median, min: countSample.min, baseline: cliSample.median, baselineMin: cliSample.min,
                baselineLabel: "redis-cli --scan | wc -l", ratio: ratio, goal: "< 1 s and <= 1.00x",
                verdict: !correct ? .error : (countSample.median < 1 && ratio <= 1 ? .pass : .miss),
                note: "the dashboard's count scan (KeyScanner, COUNT \(env.patterns.scanCount), TYPE hash): counted \(counted), "
                    + "redis-cli \(cliCount), expected \(options.sessions); \(countTrips) round trips",
                runs: countSample.runs.count))

        // The dashboard's first session list: its first poll walks one SCAN step, then fetches
        // the (up to 500) keys that step found; the count goes on over the next polls.
        var firstShown = 0
        let firstSample = try Sample.measure(repeats: options.repeats) {
            var scan = SessionScan(pattern: env.patterns.sessions, count: env.patterns.scanCount, limit: 500)
            scan.restart(force: true)
            _ = try scan.advance(on: recorder, pages: 1)
            firstShown = try SessionStore.fetch(env, keys: scan.keys).count
        }
        report.add(
            Figure(
                id: "sessions.dashboard_first_list", title: "2c. sessions: dashboard's first list (first SCAN step + fetch)", unit: "s",
                value: firstSample.median, min: firstSample.min, goal: "< 100 ms (as 2a)",
                verdict: firstShown == 0 ? .error : (firstSample.median < 0.1 ? .pass : .miss),
                note: "SessionScan.advance(pages: 1) + SessionStore.fetch of the \(firstShown) keys found (of \(counted)); "
                    + "the dashboard finishes the count 20 SCAN pages per poll", runs: firstSample.runs.count))
    }
}
