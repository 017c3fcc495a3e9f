import Foundation
import LocalRedis
import Operations
import RedisClient

/// Figure 23a, the error storm (issue 23): the real dashboard in tmux on Redis + RediSearch 1.x
/// (the seed's format) with 30 toggles and 2,000 sessions, while a writer adds 200 errors a
/// second for `stormSeconds` over three toggles plus a quieter fourth. Reported: how long after
/// the last write every per-toggle count on screen is exact (goal ≤ 2 s), toggles missing (0),
/// the dashboard's CPU during the storm (≤ 10% of one core), its peak RSS (≤ 150 MB), and the
/// load it adds to Redis during the storm from `INFO commandstats` (≤ 500 cmd/s). Owned by the
/// benchmark's main thread; the server it starts is stopped before it returns.
struct StormBench {
    let options: BenchOptions
    let report: Report
    static let loud = ["aStormAlpha", "aStormBravo", "aStormCharlie"]
    static let quiet = "aQuietCulprit"

    func run() throws {
        let server = try RedisServerProcess(flavor: .search1)
        defer { server.stop() }
        let redis = try server.connect(readTimeout: 60)
        let env = OpsEnvironment(redis: redis)
        try ErrorStore(module: SearchModule(generation: .v1)).createIndex(env)
        var setup = (Self.loud + [Self.quiet]).map { RedisCommand("HSET", $0, "toggle", "True", "releaseNum", "9.0") }
        setup += (0..<26).map { RedisCommand("HSET", "zOther\($0)", "toggle", "False", "releaseNum", "9.0") }
        try SyntheticData.load(setup + SyntheticData.sessionCommands(count: 2_000), on: redis)

        let dashboard = try BenchDashboard(socketPath: server.socketPath, scratch: server.directory.path, label: "storm")
        defer { dashboard.stop() }
        guard dashboard.secondsUntil(timeout: 60, { $0.contains(Self.quiet) }) != nil else {
            throw BenchFailure("the dashboard showed no toggles: \(dashboard.summary())")
        }
        usleep(2_000_000)
        let seconds = options.stormSeconds
        Progress.say("storm: 200 errors/s for \(Int(seconds)) s over three toggles plus a quieter fourth")
        guard let ticks0 = dashboard.cpuTicks else { throw BenchFailure("the dashboard exited: \(dashboard.summary())") }
        let calls0 = try IdleBench.totalCalls(redis)
        var written: [String: Int] = [:]
        var sequence: [String: Int] = [:]
        var lastSecond = -1
        var sent = 0
        let start = Stopwatch.now()
        var tick = 0
        // 20 records every 100 ms: 6 per loud toggle, 2 for the quiet one.
        while Stopwatch.now() - start < seconds {
            let now = Date()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                sequence = [:]
                lastSecond = second
            }
            var batch: [RedisCommand] = []
            for toggle in Self.loud + [Self.quiet] {
                for _ in 0..<(toggle == Self.quiet ? 2 : 6) {
                    let n = (sequence[toggle] ?? 0) + 1
                    sequence[toggle] = n
                    written[toggle, default: 0] += 1
                    batch.append(
                        RedisCommand(
                            "FT.ADD",
                            [
                                env.patterns.errorIndex, ErrorID.make(toggle: toggle, date: now, sequence: n), "1.0", "FIELDS",
                                "toggleName", toggle, "toggleValue", "True", "fingerPrint", "storm",
                                "exceptionBody", "java.net.SocketTimeoutException: \(toggle) \(tick % 7)",
                            ]))
                }
            }
            try SyntheticData.load(batch, on: redis)
            sent += batch.count
            tick += 1
            let next = start + Double(tick) * 0.1
            let wait = next - Stopwatch.now()
            if wait > 0 { usleep(UInt32(wait * 1e6)) }
        }
        let ended = Stopwatch.now()
        let elapsed = ended - start
        let calls1 = try IdleBench.totalCalls(redis)
        guard let ticks1 = dashboard.cpuTicks else { throw BenchFailure("the dashboard exited: \(dashboard.summary())") }
        // Exact when every toggle's row in the Toggles pane (`name  ON  3,600 ▂…`) shows its count;
        // panes share screen lines, so the row is found by its shape, not by its line.
        func shown(_ screen: String) -> [String: String] {
            var found: [String: String] = [:]
            for toggle in written.keys {
                let pattern = "\\b" + toggle + " +(ON|OFF) +([0-9,≥]+)"
                if let range = screen.range(of: pattern, options: .regularExpression) {
                    found[toggle] = String(screen[range].split(separator: " ").last ?? "")
                }
            }
            return found
        }
        func exact(_ screen: String) -> Bool {
            let counts = shown(screen)
            return written.allSatisfy { toggle, count in counts[toggle] == LargeBench.count(count) }
        }
        let settle = dashboard.secondsUntil(timeout: 30, exact)
        let afterLast = settle.map { _ in Stopwatch.now() - ended }
        let last = dashboard.screen()
        let missing = written.keys.filter { shown(last)[$0] == nil }
        let rate = Double(sent) / elapsed
        let size = "\(Int(rate.rounded())) errors/s for \(Int(elapsed.rounded())) s, 4 toggles, RediSearch 1.x"
        let truth = written.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let onScreen = written.keys.sorted().map { "\($0) \(shown(last)[$0] ?? "missing")" }.joined(separator: ", ")
        var exactNote = "Toggles pane at 240x70, capture-pane every 5 ms until all four rows show the count written (\(truth))"
        if settle == nil { exactNote += "; not within 30 s, shown: " + onScreen }
        report.add(
            Figure(
                id: "storm.exact_after", title: "23a. storm: every per-toggle count exact after the last write, \(size)", unit: "s",
                value: afterLast, goal: "<= 2 s", verdict: afterLast.map { $0 <= 2 ? .pass : .miss } ?? .miss, note: exactNote))
        report.add(
            Figure(
                id: "storm.missing", title: "23a. storm: toggles missing from the Toggles pane", unit: "toggles",
                value: Double(missing.count), goal: "0", verdict: missing.isEmpty ? .pass : .miss,
                note: missing.isEmpty ? "all four rows show a count" : "missing: \(missing.sorted().joined(separator: ", "))"))
        let cpu = Double(ticks1 - ticks0) / BenchDashboard.ticksPerSecond / elapsed * 100
        report.add(
            Figure(
                id: "storm.cpu", title: "23a. storm: dashboard CPU during the storm", unit: "%", value: cpu,
                goal: "<= 10% of one core", verdict: cpu <= 10 ? .pass : .miss,
                note: "utime+stime from /proc/PID/stat over the storm, release binary, default interval"))
        let peak = Double(dashboard.peakKB ?? 0) / 1024
        report.add(
            Figure(
                id: "storm.peak_rss", title: "23a. storm: dashboard peak RSS", unit: "MB", value: peak,
                goal: "<= 150 MB", verdict: peak <= 150 ? .pass : .miss, note: "VmHWM after the storm"))
        // The server's calls less the writer's FT.ADDs and the bench's own INFO.
        let load = Double(calls1 - calls0 - sent - 1) / elapsed
        report.add(
            Figure(
                id: "storm.redis_load", title: "23a. storm: the dashboard's own load on Redis during the storm", unit: "cmd/s",
                value: load, goal: "<= 500 cmd/s", verdict: load <= 500 ? .pass : .miss,
                note: "INFO commandstats delta over the storm, less the \(sent) FT.ADDs written and the bench's INFO"))
    }
}
