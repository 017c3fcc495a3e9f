import Foundation
import LocalRedis
import RedisClient
import TestSupport

/// Figure 29e (docs/RELIABILITY.md): the dashboard left open for `--soak-seconds` (default 600)
/// while another client writes log lines at 505/s and an error record every second (keeping the
/// newest 60): its RSS and
/// open descriptors at the start (after warming up) and at the end, and whether the Errors
/// pane kept up (issue 29, bug 1). Runs on the main thread; `--only soak`.
struct SoakBench {
    let report: Report
    let seconds: Double

    func run() throws {
        try withServer(.search1) { server in
            let redis = try server.connect()
            try redis.execute("HSET", "checkout", "toggle", "True")
            let keys = (0..<10).map { "recent:svc\($0):error" }
            let writer = LogWriter(endpoint: server.endpoint, keys: keys, rate: 505, seconds: seconds + 20)
            writer.start()
            let dashboard = try BenchDashboard(
                socketPath: server.socketPath, scratch: server.directory.path,
                arguments: ["--interval", "1"], label: "soak")
            defer { dashboard.stop() }
            usleep(10_000_000)
            guard dashboard.isRunning else { throw BenchFailure("the dashboard exited at once: \(dashboard.summary())") }
            let start = Self.sample(dashboard.pid)
            let began = Stopwatch.now()
            var written = 0
            var recent: [String] = []
            while Stopwatch.now() - began < seconds {
                // An error record a second, in the seed's format (`<toggle>:<MM-DD-YY-HH-MM-SS>`);
                // the oldest beyond 60 is deleted, so the data stays the same size and any growth
                // of the dashboard's memory is its own.
                let key = "checkout:\(Self.errorStamp(Date()))-\(written)"
                try redis.execute(
                    "HSET", key, "toggleName", "checkout",
                    "exceptionBody", "java.lang.IllegalStateException: soak \(written)")
                recent.append(key)
                if recent.count > 60 { try redis.execute("DEL", recent.removeFirst()) }
                written += 1
                usleep(1_000_000)
            }
            let end = Self.sample(dashboard.pid)
            guard dashboard.isRunning else { throw BenchFailure("the dashboard died during the soak: \(dashboard.summary())") }
            let growth = end.rssMB - start.rssMB
            report.add(
                Figure(
                    id: "soak.rss", title: "29e. \(Int(seconds / 60)) min soak: dashboard RSS start → end", unit: "MB",
                    value: end.rssMB, baseline: start.rssMB, goal: "flat (growth ≤ 10 MB)",
                    verdict: growth <= 10 ? .pass : .miss,
                    note: "505 log writes/s + 1 error/s (newest 60 kept); growth \(String(format: "%.1f", growth)) MB"))
            report.add(
                Figure(
                    id: "soak.fds", title: "29e. soak: open descriptors start → end", unit: "fds",
                    value: Double(end.fds), baseline: Double(start.fds), goal: "flat",
                    verdict: end.fds <= start.fds + 2 ? .pass : .miss))
            let screen = dashboard.screen()
            report.add(
                Figure(
                    id: "soak.errors_follow", title: "29e. soak: Errors pane not frozen", unit: "",
                    verdict: screen.contains("No errors") ? .miss : .info,
                    note: screen.contains("No errors")
                        ? "the screen said No errors after \(written) error records"
                        : "\(written) error records written"))
        }
    }

    private static func sample(_ pid: Int32) -> (rssMB: Double, fds: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        let kb = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
        return (Double(kb) / 1024, fds)
    }

    private static func errorStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM-dd-yy-HH-mm-ss"
        return formatter.string(from: date)
    }
}
