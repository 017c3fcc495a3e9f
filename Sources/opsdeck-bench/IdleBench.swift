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
    func measure(server: RedisServerProcess, label: String) throws -> Outcome {
        try measure(socketPath: server.socketPath, scratch: server.directory.path, label: label)
    }

    /// Same, against any server on a Unix socket; `scratch` is a private directory for tmux's socket.
    func measure(socketPath: String, scratch: String, label: String) throws -> Outcome {
        guard let binary = Self.dashboardBinary() else { throw BenchFailure("the opsdeck binary is not built next to opsdeck-bench") }
        let tmux = try ExternalProcess.locate("tmux", install: "apt-get install -y tmux")
        let socket = scratch + "/bench-tmux.sock"
        let session = "bench"
        // The shell stays after the dashboard exits, so its last words can be read off the pane.
        let command = "env LANG=C.UTF-8 ESCDELAY=25 TERM=xterm-256color '\(binary)' dashboard --socket '\(socketPath)' "
            + "--read-only; echo \"[exited with status $?]\"; sleep 3600"
        try ExternalProcess.run(tmux, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", "240", "-y", "70", "-s", session, command])
        defer { _ = try? ExternalProcess.run(tmux, ["-S", socket, "kill-server"], check: false) }
        let panePid = try ExternalProcess.run(tmux, ["-S", socket, "list-panes", "-t", session, "-F", "#{pane_pid}"])
        guard let shell = Int32(panePid.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchFailure("tmux did not report the pane's pid")
        }
        var found: Int32?
        for _ in 0..<100 where found == nil {
            found = Self.children(of: shell).first(where: Self.isOpsdeck)
            if found == nil { usleep(20_000) }
        }
        guard let pid = found else {
            throw BenchFailure("the dashboard did not start (\(label)): \(Self.screen(tmux, socket))")
        }
        // Let it start, discover and draw; an exit now means there is no working dashboard.
        usleep(5_000_000)
        guard let ticks0 = Self.cpuTicks(pid), Self.isOpsdeck(pid) else {
            throw BenchFailure("the dashboard exited at once (\(label)); it printed: \(Self.screen(tmux, socket))")
        }
        let redis = RedisConnection(options: RedisConnectionOptions(endpoint: RedisEndpoint(address: .unix(path: socketPath)), clientName: "bench-idle"))
        let calls0 = try Self.totalCalls(redis)
        let start = Stopwatch.now()
        usleep(UInt32(options.idleSeconds * 1e6))
        let calls1 = try Self.totalCalls(redis)
        let elapsed = Stopwatch.now() - start
        guard let ticks1 = Self.cpuTicks(pid), Self.isOpsdeck(pid) else {
            throw BenchFailure("the dashboard exited during the idle run (\(label)): \(Self.screen(tmux, socket))")
        }
        let peak = Self.peakKB(pid) ?? 0
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpu = Double(ticks1 - ticks0) / ticksPerSecond / elapsed * 100
        // The first INFO is counted in the second one's stats; the second is not yet counted.
        let commands = Double(calls1 - calls0 - 1) / elapsed
        return Outcome(cpuPercent: cpu, commandsPerSecond: commands, peakMB: Double(peak) / 1024, seconds: elapsed)
    }

    private static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }

    private static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    private static func isOpsdeck(_ pid: Int32) -> Bool {
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return comm.hasPrefix("opsdeck")
    }

    private static func peakKB(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    private static func totalCalls(_ redis: RedisConnection) throws -> Int {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        var total = 0
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            guard let range = line.range(of: "calls=") else { continue }
            total += Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        return total
    }

    private static func screen(_ tmux: String, _ socket: String) -> String {
        let text = (try? ExternalProcess.run(tmux, ["-S", socket, "capture-pane", "-p", "-t", "bench"], check: false))?.output ?? ""
        return text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(3).joined(separator: " / ")
    }
}
