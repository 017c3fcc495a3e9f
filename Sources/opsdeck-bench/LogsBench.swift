import Foundation
import LocalRedis
import Operations
import RedisClient

/// Figure 4: the cost of one log tail poll over `logLists` lists of 100 entries (the real
/// `LogStore.read` + `LogTail.ingest`, steady state: nothing new), against redis-benchmark's
/// LRANGE at the same pipeline depth; then a writer at 1,000 lines/s while the real poller
/// polls the tail at its default interval, checking every overflow against the loss signal.
struct LogsBench {
    let options: BenchOptions
    let server: RedisServerProcess
    let connection: RedisConnection
    let report: Report

    func run() throws {
        try pollCost()
        try overflow()
    }

    private func pollCost() throws {
        let recorder = RecordingSender(connection)
        let env = OpsEnvironment(redis: recorder, readOnly: true)
        let lists = try LogStore.discover(env)
        guard lists.count == options.logLists else {
            throw BenchFailure("LogStore.discover found \(lists.count) lists, expected \(options.logLists)")
        }
        var tail = LogTail()
        let first = tail.ingest(try LogStore.read(env, lists: lists))
        recorder.reset()
        _ = tail.ingest(try LogStore.read(env, lists: lists))
        let depth = recorder.deepestPipeline
        let trips = recorder.roundTrips
        // redis-benchmark reads the same way (same LRANGE arguments, same depth); its key is
        // `recent:svc<12 digits>:error`, the 10 error lists standing for all 50 (same length and
        // line size), since it can vary only one number per key.
        guard var arguments = recorder.lastBatch.first?.arguments.map({ String(decoding: $0, as: UTF8.self) }),
            arguments.count >= 2
        else { throw BenchFailure("the log read sent no command") }
        arguments[1] = "recent:svc__rand_int__:error"
        let services = max(1, options.logLists / SyntheticData.severities.count)
        let benchmark = try RedisBenchmark(socket: server.socketPath)
        var runs: [Double] = []
        var baselineRuns: [Double] = []
        var newInSteadyState = 0
        for _ in 0..<options.repeats {
            for _ in 0..<5 {
                runs.append(
                    try Stopwatch.time {
                        let update = tail.ingest(try LogStore.read(env, lists: lists, reusing: tail.lastRead))
                        newInSteadyState += update.entries.count + update.losses.count
                    })
            }
            let result = try benchmark.run(arguments, requests: 20_000, pipeline: depth, keyspace: services)
            baselineRuns.append(Double(lists.count) / result.requestsPerSecond)
        }
        let sample = Sample(runs)
        let baseline = Sample(baselineRuns)
        let ratio = sample.median / baseline.median
        report.add(
            Figure(
                id: "logs.poll", title: "4a. log tail poll (\(lists.count) lists x 100)", unit: "s",
                value: sample.median, min: sample.min, baseline: baseline.median, baselineMin: baseline.min,
                baselineLabel: "redis-benchmark \(arguments[0]) -P \(depth)", ratio: ratio, goal: "<= 1.30x",
                verdict: first.entries.count == lists.count * 100 && newInSteadyState == 0 ? (ratio <= 1.3 ? .pass : .miss) : .error,
                note: "LogStore.read + LogTail.ingest with nothing new; \(trips) round trip(s) of \(depth) "
                    + "`\(arguments.prefix(1).joined()) key \(arguments.dropFirst(2).joined(separator: " "))`", runs: sample.runs.count))
    }

    private func overflow() throws {
        let keys = SyntheticData.logKeys(lists: options.logLists)
        let outcome = try LogOverflowRun(
            endpoint: server.endpoint, keys: keys, rate: options.writerRate,
            seconds: options.writerSeconds
        ).run()
        let check = outcome.check
        let perfect = check.linesMissedSilently == 0 && check.overflows == check.overflowsSignalled && outcome.unseenAtEnd == 0
        var verdict: Figure.Verdict = perfect ? .pass : .miss
        if outcome.writerError != nil || check.overflows == 0 { verdict = .error }
        report.add(
            Figure(
                id: "logs.overflow", title: "4b. log tail vs writer at \(options.writerRate) lines/s for \(Int(options.writerSeconds)) s",
                unit: "count", value: Double(check.linesMissedSilently), goal: "every overflow signalled; 0 lines missed silently",
                verdict: verdict,
                note: "real Poller (interval \(outcome.interval) s) + LogStore.read + LogTail.ingest; \(outcome.written) lines written "
                    + "(80% to 2 hot lists), \(check.linesShown) shown in \(check.polls) polls; overflows \(check.overflows), "
                    + "signalled \(check.overflowsSignalled) (\(check.linesLostSignalled) lines); missed silently "
                    + "\(check.linesMissedSilently); never shown at the end \(outcome.unseenAtEnd); false alarms \(check.falseAlarms); "
                    + "duplicates \(check.duplicates)" + (outcome.writerError.map { "; writer failed: \($0)" } ?? "")))
    }
}
