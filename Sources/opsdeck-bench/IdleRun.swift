import LocalRedis
import RedisClient

/// Figure 6 as reported: the dashboard idle on demo-sized data (CPU, commands/s), and on the
/// full data set (CPU, commands/s, peak memory with all the sessions).
struct IdleRun {
    let options: BenchOptions
    let report: Report
    let loadedServer: RedisServerProcess

    func run() throws {
        let bench = IdleBench(options: options, report: report)
        let seconds = Int(options.idleSeconds)
        // Demo-sized: a few dozen toggles, hundreds of sessions, the 50 log lists.
        do {
            let small = try RedisServerProcess(flavor: .plain)
            defer { small.stop() }
            let redis = try small.connect()
            try SyntheticData.load(SyntheticData.toggleCommands(count: 40), on: redis)
            try SyntheticData.load(SyntheticData.sessionCommands(count: 300), on: redis)
            try SyntheticData.load(SyntheticData.logCommands(lists: options.logLists, entries: 100), on: redis)
            let outcome = try bench.measure(server: small, label: "demo-sized data")
            addIdle(outcome, id: "idle.demo", what: "demo-sized data (40 toggles, 300 sessions)", seconds: seconds)
        } catch {
            report.add(Figure(id: "idle.demo", title: "6a. idle dashboard, demo-sized data", unit: "%",
                              goal: "< 1% CPU", verdict: .todo, note: "not measured: \(error)"))
        }
        do {
            let outcome = try bench.measure(server: loadedServer, label: "full data set")
            addIdle(outcome, id: "idle.full", what: "\(options.toggles) toggles, \(options.sessions) sessions", seconds: seconds)
            report.add(Figure(
                id: "idle.peak_rss", title: "6c. dashboard peak RSS (\(options.sessions) sessions)", unit: "MB",
                value: outcome.peakMB, goal: "< 150 MB", verdict: outcome.peakMB < 150 ? .pass : .miss,
                note: "VmHWM of the dashboard process after \(seconds + 5) s"))
        } catch {
            report.add(Figure(id: "idle.full", title: "6b. idle dashboard, full data set", unit: "%",
                              goal: "< 1% CPU", verdict: .todo, note: "not measured: \(error)"))
            report.add(Figure(id: "idle.peak_rss", title: "6c. dashboard peak RSS", unit: "MB",
                              goal: "< 150 MB", verdict: .todo, note: "not measured (see 6b)"))
        }
    }

    private func addIdle(_ outcome: IdleBench.Outcome, id: String, what: String, seconds: Int) {
        let letter = id == "idle.demo" ? "6a" : "6b"
        report.add(Figure(
            id: id + ".cpu", title: "\(letter). idle dashboard CPU, \(what)", unit: "%",
            value: outcome.cpuPercent, goal: "< 1% of one core", verdict: outcome.cpuPercent < 1 ? .pass : .miss,
            note: "over \(seconds) s at the default interval, after 5 s of start-up"))
        report.add(Figure(
            id: id + ".commands", title: "\(letter). idle dashboard load on Redis, \(what)", unit: "cmd/s",
            value: outcome.commandsPerSecond, goal: "report", verdict: .info,
            note: "INFO commandstats delta over \(seconds) s; only the dashboard talks to this server"))
    }
}
