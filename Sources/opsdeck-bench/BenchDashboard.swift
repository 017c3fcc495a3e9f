import Foundation

/// The real dashboard binary running in a private tmux server (240x70) against a server on a
/// Unix socket, for figures that watch it from outside: its pid (CPU, memory from /proc) and
/// its screen. Owned by one figure; `stop()` kills the tmux server it started.
final class BenchDashboard {
    let pid: Int32
    private let tmux: String
    private let socket: String

    /// Starts `opsdeck dashboard --socket SOCKET --read-only ARGUMENTS…` and waits for its process.
    init(socketPath: String, scratch: String, arguments: [String] = [], label: String) throws {
        guard let binary = IdleBench.dashboardBinary() else { throw BenchFailure("the opsdeck binary is not built next to opsdeck-bench") }
        tmux = try ExternalProcess.locate("tmux", install: "apt-get install -y tmux")
        socket = scratch + "/bench-tmux-\(UUID().uuidString.prefix(8)).sock"
        // The shell stays after the dashboard exits, so its last words can be read off the pane.
        let extra = arguments.map { "'\($0)'" }.joined(separator: " ")
        let command =
            "env LANG=C.UTF-8 ESCDELAY=25 TERM=xterm-256color '\(binary)' dashboard --socket '\(socketPath)' "
            + "--read-only \(extra); echo \"[exited with status $?]\"; sleep 3600"
        try ExternalProcess.run(
            tmux, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", "240", "-y", "70", "-s", "bench", command])
        let panePid = try ExternalProcess.run(tmux, ["-S", socket, "list-panes", "-t", "bench", "-F", "#{pane_pid}"])
        guard let shell = Int32(panePid.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            _ = try? ExternalProcess.run(tmux, ["-S", socket, "kill-server"], check: false)
            throw BenchFailure("tmux did not report the pane's pid")
        }
        var found: Int32?
        for _ in 0..<100 where found == nil {
            found = Self.children(of: shell).first(where: Self.isOpsdeck)
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            _ = try? ExternalProcess.run(tmux, ["-S", socket, "kill-server"], check: false)
            throw BenchFailure("the dashboard did not start (\(label))")
        }
        pid = found
    }

    deinit { stop() }

    func stop() { _ = try? ExternalProcess.run(tmux, ["-S", socket, "kill-server"], check: false) }

    var isRunning: Bool { Self.isOpsdeck(pid) }

    /// The screen as text.
    func screen() -> String {
        (try? ExternalProcess.run(tmux, ["-S", socket, "capture-pane", "-p", "-t", "bench"], check: false))?.output ?? ""
    }

    /// The first lines of the screen, for error messages.
    func summary() -> String {
        screen().split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.prefix(3).joined(separator: " / ")
    }

    func send(keys: [String]) throws { try ExternalProcess.run(tmux, ["-S", socket, "send-keys", "-t", "bench"] + keys) }

    /// Seconds until `condition` holds on screen (checked every 5 ms), or nil after `timeout`.
    func secondsUntil(timeout: Double, _ condition: (String) -> Bool) -> Double? {
        let start = Stopwatch.now()
        while Stopwatch.now() - start < timeout {
            if condition(screen()) { return Stopwatch.now() - start }
            usleep(5_000)
        }
        return nil
    }

    /// CPU ticks (utime + stime) so far.
    var cpuTicks: Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    /// Peak resident memory (VmHWM), in KB.
    var peakKB: Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    static var ticksPerSecond: Double { Double(sysconf(Int32(_SC_CLK_TCK))) }

    private static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }

    private static func isOpsdeck(_ pid: Int32) -> Bool {
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        return comm.hasPrefix("opsdeck")
    }
}
