import Foundation
import LocalRedis
import Operations
import RedisClient

/// Figure 23b, a big error index (issue 23): `indexRecords` records (1,000,000 by default) in
/// the seed's format on RediSearch 1.x and 2.x, the real dashboard in tmux. Reported: first
/// error figures on screen (goal ≤ 5 s), the idle load once settled (≤ 10 cmd/s: the Errors
/// pane's steady cost, the other panes having nothing to read), and a new error on screen
/// (≤ 1 s). Owned by the benchmark's main thread; each server is stopped before it returns.
struct BigIndexBench {
    let options: BenchOptions
    let report: Report

    func run() throws {
        for flavor in [ServerFlavor.search1, .search2] where options.indexModules.contains(flavor == .search1 ? 1 : 2) {
            do {
                try run(flavor)
            } catch {
                report.add(
                    Figure(
                        id: "bigindex.\(flavor.rawValue)", title: "23b. big index (\(flavor))", unit: "s", verdict: .error,
                        note: "\(error)"))
            }
        }
    }

    /// `count` records, 200 toggles, one per toggle and second from 2019-03-12 (outside any
    /// window), in `range`: FT.ADD with the id as key on 1.x, hashes under the prefix on 2.x.
    static func records(_ range: Range<Int>, generation: Int, env: OpsEnvironment) -> [RedisCommand] {
        let base = Date(timeIntervalSince1970: 1_552_348_800)
        return range.map { i in
            let toggle = "feature\(i % 200)"
            let id = ErrorID.make(toggle: toggle, date: base.addingTimeInterval(Double(i / 200)))
            let fields: [any RedisArgument] = [
                "toggleName", toggle, "toggleValue", i % 2 == 0 ? "True" : "False", "fingerPrint", "dev\(i % 7)",
                "exceptionBody", "java.lang.IllegalStateException: case \(i % 13)",
            ]
            return generation == 1
                ? RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + fields)
                : RedisCommand("HSET", [env.patterns.errorPrefix + id] + fields)
        }
    }

    /// Calls per command (lower case, subcommands folded) from `INFO commandstats`.
    static func calls(_ redis: RedisConnection) throws -> [String: Int] {
        let info = try redis.execute("INFO", "commandstats").string ?? ""
        var calls: [String: Int] = [:]
        for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("cmdstat_") {
            let parts = line.dropFirst("cmdstat_".count).split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let range = parts[1].range(of: "calls=") else { continue }
            let name = (parts[0].split(separator: "|").first.map(String.init) ?? "").lowercased()
            calls[name, default: 0] += Int(parts[1][range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        return calls
    }

    private func run(_ flavor: ServerFlavor) throws {
        let generation = flavor == .search1 ? 1 : 2
        let count = options.indexRecords
        let server = try RedisServerProcess(flavor: flavor)
        defer { server.stop() }
        let redis = try server.connect(readTimeout: 600)
        let env = OpsEnvironment(redis: redis)
        try ErrorStore(module: SearchModule(generation: generation == 1 ? .v1 : .v2)).createIndex(env)
        Progress.say("bigindex: loading \(count) records on \(flavor)")
        var start = 0
        while start < count {
            let end = min(count, start + 50_000)
            try SyntheticData.load(Self.records(start..<end, generation: generation, env: env), on: redis)
            start = end
        }
        let size = "\(LargeBench.count(count)) records, RediSearch \(generation).x"
        let id = "bigindex.\(flavor.rawValue)"
        let started = Stopwatch.now()
        let dashboard = try BenchDashboard(socketPath: server.socketPath, scratch: server.directory.path, label: "bigindex")
        defer { dashboard.stop() }
        // The Errors pane's line `latest 100 of N errors`: the first figures are in, partial
        // (labelled `counting…`) while the first walk goes on, exact once it says the index's size.
        let whole = "of \(LargeBench.count(count)) errors"
        // The Errors pane's label, not the Sessions pane's own `counting…` (its key walk).
        func counting(_ screen: String) -> Bool {
            screen.range(of: #"counting… [0-9,]+ of [0-9,]+ read"#, options: .regularExpression) != nil
        }
        let first = dashboard.secondsUntil(timeout: 600) { counting($0) || $0.contains(whole) }
        let toFirst = first.map { _ in Stopwatch.now() - started }
        report.add(
            Figure(
                id: id + ".first", title: "23b. big index: first error figures on screen, \(size)", unit: "s",
                value: toFirst, goal: "<= 5 s", verdict: toFirst.map { $0 <= 5 ? .pass : .miss } ?? .miss,
                note: "from starting the binary until the Errors pane shows figures (newest first, 'counting… N of M read')"
                    + (toFirst == nil ? "; not within 600 s: \(dashboard.summary())" : "")))
        guard toFirst != nil else { return }
        let exact = dashboard.secondsUntil(timeout: 600) { $0.contains(whole) && !counting($0) }
        let toExact = exact.map { _ in Stopwatch.now() - started }
        report.add(
            Figure(
                id: id + ".exact", title: "23b. big index: every id counted (figures exact), \(size)", unit: "s",
                value: toExact, goal: nil, verdict: toExact == nil ? .miss : .info,
                note: "from starting the binary until the Errors pane reads '\(whole)' with no 'counting…'"
                    + (toExact == nil ? "; not within 600 s" : "")))
        guard toExact != nil else { return }
        // Settled: idle over `idleSeconds` (the Errors pane's probe and budgeted overview).
        usleep(3_000_000)
        let calls0 = try Self.calls(redis)
        let idleStart = Stopwatch.now()
        usleep(UInt32(options.idleSeconds * 1e6))
        let calls1 = try Self.calls(redis)
        let idleSeconds = Stopwatch.now() - idleStart
        var delta = calls1.merging(calls0.mapValues { -$0 }, uniquingKeysWith: +).filter { $0.value > 0 }
        delta["info", default: 0] -= 1 // the bench's own
        // The Errors pane's commands: the search module's and the bodies it reads. The rest is
        // the other panes' walks (on 1.x the records are hashes at their ids, which the toggle
        // discovery and the sessions walk also go through).
        let errors = delta.filter { $0.key.hasPrefix("ft.") || $0.key == "hgetall" }.values.reduce(0, +)
        let errorsRate = Double(errors) / idleSeconds
        let total = Double(delta.values.reduce(0, +)) / idleSeconds
        let top = delta.sorted { $0.value > $1.value }.prefix(4).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        report.add(
            Figure(
                id: id + ".idle", title: "23b. big index: idle load from the Errors pane once settled, \(size)", unit: "cmd/s",
                value: errorsRate, goal: "<= 10 cmd/s", verdict: errorsRate <= 10 ? .pass : .miss,
                note: "FT.* and HGETALL calls from INFO commandstats over \(Int(options.idleSeconds)) s; the whole dashboard "
                    + String(format: "%.1f", total) + " cmd/s (most: \(top))"))
        // A new error: written now, on screen in the Errors pane's latest list.
        let written = Stopwatch.now()
        try ErrorStore(module: SearchModule(generation: generation == 1 ? .v1 : .v2)).add(
            env, toggleName: "freshArrival", toggleValue: "True", fingerPrint: "bench",
            exceptionBody: "java.lang.IllegalStateException: fresh")
        let shown = dashboard.secondsUntil(timeout: 60) { $0.contains("freshArrival") }
        let toShown = shown.map { _ in Stopwatch.now() - written }
        report.add(
            Figure(
                id: id + ".new_error", title: "23b. big index: a new error on screen, \(size)", unit: "s",
                value: toShown, goal: "<= 1 s", verdict: toShown.map { $0 <= 1 ? .pass : .miss } ?? .miss,
                note: "from the write until its toggle shows in the Errors pane (capture-pane every 5 ms)"
                    + (toShown == nil ? "; not within 60 s" : "")))
    }
}
