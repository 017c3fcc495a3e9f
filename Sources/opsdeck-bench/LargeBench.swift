import Foundation
import LocalRedis
import RedisClient

/// Figure 9, the large profile (issue 17): the real dashboard in tmux on a fresh server holding
/// `largeToggles` toggles among `largeSessions` sessions — time to the first toggles on screen,
/// time to a complete session count in the Sessions title, idle CPU and commands/s once settled,
/// peak RSS — and the CLI's `toggles list --json` over `largeListToggles` toggles (time and peak
/// RSS from GNU time). Each size runs beside one tenth of it, to show how cost grows. Owned by
/// the benchmark's main thread; every server it starts is stopped before it returns.
struct LargeBench {
    let options: BenchOptions
    let report: Report

    func run() throws {
        for sessions in [options.largeSessions / 10, options.largeSessions] where sessions > 0 {
            do {
                try dashboard(toggles: options.largeToggles, sessions: sessions)
            } catch {
                report.add(
                    Figure(
                        id: "large.\(sessions).dashboard", title: "9a. large: dashboard, \(Self.count(sessions)) sessions",
                        unit: "s", verdict: .error, note: "\(error)"))
            }
        }
        for toggles in [options.largeListToggles / 10, options.largeListToggles] where toggles > 0 {
            do {
                try cli(toggles: toggles)
            } catch {
                report.add(
                    Figure(
                        id: "large.\(toggles).cli", title: "9e. large: toggles list --json, \(Self.count(toggles)) toggles",
                        unit: "s", verdict: .error, note: "\(error)"))
            }
        }
    }

    /// 1,234,567 → "1,234,567", as the Sessions title prints it.
    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }

    private func load(_ make: (Range<Int>) -> [RedisCommand], count: Int, on redis: RedisConnection) throws {
        // In chunks, so the bench itself does not hold a million commands at once.
        var start = 0
        while start < count {
            let end = min(count, start + 100_000)
            try SyntheticData.load(make(start..<end), on: redis)
            start = end
        }
    }

    private func dashboard(toggles: Int, sessions: Int) throws {
        let server = try RedisServerProcess(flavor: .plain)
        defer { server.stop() }
        let redis = try server.connect(readTimeout: 120)
        Progress.say("large: loading \(toggles) toggles and \(sessions) sessions")
        try SyntheticData.load(SyntheticData.toggleCommands(count: toggles), on: redis)
        try load({ SyntheticData.sessionCommands(range: $0) }, count: sessions, on: redis)
        let size = "\(Self.count(toggles)) toggles + \(Self.count(sessions)) sessions"
        let started = Stopwatch.now()
        let dashboard = try BenchDashboard(socketPath: server.socketPath, scratch: server.directory.path, label: "large")
        defer { dashboard.stop() }
        let firstToggles = dashboard.secondsUntil(timeout: 30) { $0.contains("toggle:0000") }
        let toFirst = firstToggles.map { _ in Stopwatch.now() - started }
        // The Sessions title as it read then (partial while counting), for the note.
        let line = dashboard.screen().split(separator: "\n").first { $0.contains("2 Sessions") } ?? ""
        let sessionsTitle =
            line.split(separator: "┌").first { $0.contains("2 Sessions") }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " ─┐")) } ?? "-"
        report.add(
            Figure(
                id: "large.\(sessions).first_toggles", title: "9a. large: first toggles on screen, \(size)", unit: "s",
                value: toFirst, goal: sessions >= 1_000_000 ? "<= 1.5 s" : "report",
                verdict: toFirst == nil ? .miss : sessions < 1_000_000 ? .info : toFirst! <= 1.5 ? .pass : .miss,
                note: "from starting the binary in tmux until a toggle row is on screen (capture-pane every 5 ms)"
                    + (toFirst == nil ? "; none within 30 s: \(dashboard.summary())" : "")))
        let total = "of " + Self.count(sessions)
        let counted = dashboard.secondsUntil(timeout: 150) { screen in
            // Up to 500 sessions the title shows the rows alone (`2 Sessions 10`).
            screen.split(separator: "\n").contains { line in
                line.contains("2 Sessions") && !line.contains("counting")
                    && (line.contains(total + " ") || sessions <= 500 && line.contains("2 Sessions \(sessions) "))
            }
        }
        let toCount = counted.map { _ in Stopwatch.now() - started }
        report.add(
            Figure(
                id: "large.\(sessions).count", title: "9b. large: complete session count, \(size)", unit: "s",
                value: toCount, goal: sessions >= 1_000_000 ? "<= 60 s" : "report",
                verdict: toCount == nil ? .miss : sessions < 1_000_000 ? .info : toCount! <= 60 ? .pass : .miss,
                note: "until the Sessions title reads '\(total)' without 'counting…'; at the first toggles it read: "
                    + "'\(sessionsTitle)'"
                    + (toCount == nil ? "; not within 150 s: \(dashboard.summary())" : "")))
        // Settled: both walks are done. Idle over `idleSeconds`.
        let info = RedisConnection(
            options: RedisConnectionOptions(
                endpoint: RedisEndpoint(address: .unix(path: server.socketPath)),
                clientName: "bench-large"))
        usleep(2_000_000)
        guard let ticks0 = dashboard.cpuTicks else { throw BenchFailure("the dashboard exited: \(dashboard.summary())") }
        let calls0 = try IdleBench.totalCalls(info)
        let start = Stopwatch.now()
        usleep(UInt32(options.idleSeconds * 1e6))
        let calls1 = try IdleBench.totalCalls(info)
        let elapsed = Stopwatch.now() - start
        guard let ticks1 = dashboard.cpuTicks else { throw BenchFailure("the dashboard exited: \(dashboard.summary())") }
        let cpu = Double(ticks1 - ticks0) / BenchDashboard.ticksPerSecond / elapsed * 100
        let commands = Double(calls1 - calls0 - 1) / elapsed
        let settledNote = "after the count completed, \(Int(options.idleSeconds)) s at the default interval"
        report.add(
            Figure(
                id: "large.\(sessions).idle_cpu", title: "9c. large: idle CPU once settled, \(size)", unit: "%",
                value: cpu, goal: "<= 1% of one core", verdict: cpu <= 1 ? .pass : .miss,
                note: settledNote + "; utime+stime from /proc/PID/stat"))
        report.add(
            Figure(
                id: "large.\(sessions).idle_commands", title: "9c. large: idle load on Redis once settled, \(size)",
                unit: "cmd/s", value: commands, goal: "<= 50 cmd/s", verdict: commands <= 50 ? .pass : .miss,
                note: settledNote + "; INFO commandstats delta, only the dashboard talks to this server"))
        let peak = Double(dashboard.peakKB ?? 0) / 1024
        report.add(
            Figure(
                id: "large.\(sessions).peak_rss", title: "9d. large: dashboard peak RSS, \(size)", unit: "MB",
                value: peak, goal: "<= 150 MB", verdict: peak <= 150 ? .pass : .miss,
                note: "VmHWM of the dashboard process at the end of the run"))
    }

    private func cli(toggles: Int) throws {
        guard let binary = IdleBench.dashboardBinary() else { throw BenchFailure("the opsdeck binary is not built") }
        let server = try RedisServerProcess(flavor: .plain)
        defer { server.stop() }
        let redis = try server.connect(readTimeout: 120)
        Progress.say("large: loading \(toggles) toggles for the CLI")
        try SyntheticData.load(SyntheticData.toggleCommands(count: toggles), on: redis)
        let timeFile = server.directory.path + "/time.txt"
        let command = "/usr/bin/time -f '%e %M' -o '\(timeFile)' '\(binary)' toggles list --json -s '\(server.socketPath)' > /dev/null"
        _ = try ExternalProcess.run("/bin/sh", ["-c", command])
        let fields = ((try? String(contentsOfFile: timeFile, encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
        guard fields.count >= 2, let seconds = Double(fields[fields.count - 2]), let kb = Double(fields[fields.count - 1]) else {
            throw BenchFailure("GNU time gave no figures (\(fields))")
        }
        let size = "\(Self.count(toggles)) toggles"
        report.add(
            Figure(
                id: "large.\(toggles).cli_seconds", title: "9e. large: toggles list --json time, \(size)", unit: "s",
                value: seconds, goal: "report", verdict: .info,
                note: "wall time of the release binary, stdout to /dev/null (GNU time %e; 2.8 s before streaming)"))
        let peak = kb / 1024
        report.add(
            Figure(
                id: "large.\(toggles).cli_rss", title: "9e. large: toggles list --json peak RSS, \(size)", unit: "MB",
                value: peak, goal: "<= 150 MB", verdict: peak <= 150 ? .pass : .miss,
                note: "GNU time %M (239-254 MB before streaming)"))
    }
}
