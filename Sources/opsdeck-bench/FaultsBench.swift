import Foundation
import LocalRedis
import RedisClient
import TestSupport

/// Figures 29a-d (docs/RELIABILITY.md): the hostile-reply table (`HostileReply.all`, through a
/// `FaultProxy` in front of a private server) against the release binary, each command run
/// under `/usr/bin/time` for its peak RSS. Goals: 0 crashes, 0 exits with 0, 0 commands past
/// their deadline + 1 s, peak RSS ≤ 100 MB. Runs on the main thread; `--only faults`.
struct FaultsBench {
    let report: Report
    let timeout = 5.0

    func run() throws {
        guard let binary = IdleBench.dashboardBinary() else { throw BenchFailure("the opsdeck binary is not built next to opsdeck-bench") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            throw BenchFailure("/usr/bin/time is missing: apt-get install -y time")
        }
        try withServer { server in
            let redis = try server.connect()
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "True")
            try redis.execute("LPUSH", "recent:checkout:error", "Mon Dec  7 12:00:00 2026 payment failed")
            let proxy = try FaultProxy(backend: server.endpoint)
            defer { proxy.stop() }
            var crashes: [String] = [], exitZero: [String] = [], late: [String] = []
            var peakKB = 0, slowest = 0.0
            for hostile in HostileReply.all {
                proxy.setRules([FaultRule(hostile.command, hostile.fault)])
                let command = hostile.command == "LRANGE" ? ["logs", "tail"] : ["toggles", "list", "--json"]
                let result = try ExternalProcess.run(
                    "/usr/bin/time",
                    ["-f", "BENCH_RSS_KB=%M", binary] + command
                        + ["--url", proxy.url, "--timeout", String(Int(timeout))], check: false)
                if result.output.contains("terminated by signal") { crashes.append(hostile.name) }
                if result.status == 0 { exitZero.append(hostile.name) }
                if result.seconds > timeout + 1 { late.append(hostile.name) }
                slowest = max(slowest, result.seconds)
                var kb = 0
                if let line = result.output.split(separator: "\n").last(where: { $0.hasPrefix("BENCH_RSS_KB=") }) {
                    kb = Int(line.dropFirst("BENCH_RSS_KB=".count)) ?? 0
                }
                peakKB = max(peakKB, kb)
                Progress.say("  \(hostile.name): exit \(result.status), \(String(format: "%.2f", result.seconds)) s, \(kb / 1024) MB")
            }
            let kinds = HostileReply.all.count
            func count(_ id: String, _ title: String, _ names: [String]) {
                report.add(
                    Figure(
                        id: id, title: title, unit: "runs", value: Double(names.count), goal: "0",
                        verdict: names.isEmpty ? .pass : .miss,
                        note: names.isEmpty ? "\(kinds) hostile replies" : names.joined(separator: "; ")))
            }
            count("faults.crashes", "29a. hostile replies: crashes", crashes)
            count("faults.exit_zero", "29b. hostile replies: exits with 0", exitZero)
            count("faults.late", "29c. hostile replies: past --timeout \(Int(timeout)) + 1 s", late)
            report.add(
                Figure(
                    id: "faults.slowest", title: "29c. hostile replies: slowest command", unit: "s", value: slowest,
                    goal: "≤ \(Int(timeout) + 1)", verdict: slowest <= timeout + 1 ? .pass : .miss))
            let peakMB = Double(peakKB) / 1024
            report.add(
                Figure(
                    id: "faults.peak_rss", title: "29d. hostile replies: peak RSS of one command", unit: "MB",
                    value: peakMB, goal: "≤ 100", verdict: peakMB <= 100 ? .pass : .miss,
                    note: "max over \(kinds) runs (/usr/bin/time %M)"))
        }
    }
}
