import Foundation
import LocalRedis
import RedisClient

/// Figure 6: the real dashboard binary, left open in tmux (240x70) on a loaded private server
/// for `idleSeconds`: its CPU share of one core (utime+stime from /proc/PID/stat), the commands
/// per second the server received (INFO commandstats delta; only the dashboard talks to that
/// server meanwhile), and its peak resident memory (VmHWM).
struct IdleBench {
    let options: BenchOptions
    let report: Report

    struct Outcome {
        let cpuPercent: Double
        let commandsPerSecond: Double
        let peakMB: Double
        let seconds: Double
    }

    /// The `opsdeck` binary built next to this one.
    static func dashboardBinary() -> String? {
        guard let me = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let path = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("opsdeck").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    /// Runs the dashboard against `server` and measures it; throws a TODO-worthy failure when
    /// the binary has no working dashboard yet.
    func measure(server: RedisServerProcess, label: String, arguments: [String] = []) throws -> Outcome {
        try measure(socketPath: server.socketPath, scratch: server.directory.path, label: label, arguments: arguments)
    }

    /// Same, against any server on a Unix socket; `scratch` is a private directory for tmux's socket.
    func measure(socketPath: String, scratch: String, label: String, arguments: [String] = []) throws -> Outcome {
        let dashboard = try BenchDashboard(socketPath: socketPath, scratch: scratch, arguments: arguments, label: label)
        defer { dashboard.stop() }
        // Let it start, discover and draw; an exit now means there is no working dashboard.
        usleep(5_000_000)
        guard let ticks0 = dashboard.cpuTicks, dashboard.isRunning else {
            throw BenchFailure("the dashboard exited at once (\(label)); it printed: \(dashboard.summary())")
        }
        let redis = RedisConnection(
            options: RedisConnectionOptions(endpoint: RedisEndpoint(address: .unix(path: socketPath)), clientName: "bench-idle"))
        let calls0 = try Self.totalCalls(redis)
        let start = Stopwatch.now()
        usleep(UInt32(options.idleSeconds * 1e6))
        let calls1 = try Self.totalCalls(redis)
        let elapsed = Stopwatch.now() - start
        guard let ticks1 = dashboard.cpuTicks, dashboard.isRunning else {
            throw BenchFailure("the dashboard exited during the idle run (\(label)): \(dashboard.summary())")
        }
        let cpu = Double(ticks1 - ticks0) / BenchDashboard.ticksPerSecond / elapsed * 100
        // The first INFO is counted in the second one's stats; the second is not yet counted.
        let commands = Double(calls1 - calls0 - 1) / elapsed
        return Outcome(cpuPercent: cpu, commandsPerSecond: commands, peakMB: Double(dashboard.peakKB ?? 0) / 1024, seconds: elapsed)
    }

    static func totalCalls(_ redis: RedisConnection) throws -> Int {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        var total = 0
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            guard let range = line.range(of: "calls=") else { continue }
            total += Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        return total
    }
}
