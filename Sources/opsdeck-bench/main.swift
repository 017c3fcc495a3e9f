import Foundation
import LocalRedis
import RedisClient
import TestSupport

// opsdeck-bench: starts private servers, loads a synthetic data set, measures opsdeck's own
// code paths against baselines from the same run, and prints a table plus one `BENCH_JSON `
// line. See docs/BENCHMARKS.md. Progress goes to stderr, results to stdout.

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    if let message = error.message { Progress.say("opsdeck-bench: \(message)") }
    Progress.say(BenchOptions.usage)
    exit(error.message == nil ? 0 : 64)
}

let report = Report(settings: options.settings)

/// Runs one figure group; a failure becomes an `error` line in the table, not a crash.
@MainActor
func group(_ name: String, id: String, title: String, _ body: () throws -> Void) {
    guard options.wants(name) else { return }
    Progress.say("== \(name)")
    do {
        try body()
    } catch {
        report.add(Figure(id: id, title: title, unit: "s", verdict: .error, note: "\(error)"))
    }
}

do {
    Progress.say(
        "starting a private redis-server and loading \(options.toggles) toggles, \(options.sessions) sessions, "
            + "\(options.logLists) log lists")
    // The same server also listens on TLS (certificates made with openssl, as the tests do), so
    // the TLS figures read the same data.
    let certificates = try TestCertificates.shared()
    let server = try retryingTakenPorts {
        try RedisServerProcess(flavor: .plain, extraArguments: certificates.serverArguments(port: try freeLoopbackPort()))
    }
    defer { server.stop() }
    let tls = TLSTarget(port: server.tcpPort ?? 0, caFile: certificates.ca)
    let connection = try server.connect(readTimeout: 60)
    // Only what the chosen groups read (the idle dashboard reads everything).
    let everything = options.wants("idle") || options.wants("freshness")
    if options.wants("toggles") || everything {
        try SyntheticData.load(SyntheticData.toggleCommands(count: options.toggles), on: connection)
    }
    if options.wants("sessions") || everything {
        try SyntheticData.load(SyntheticData.sessionCommands(count: options.sessions), on: connection)
    }
    if options.wants("logs") || everything {
        try SyntheticData.load(SyntheticData.logCommands(lists: options.logLists, entries: 100), on: connection)
    }

    group("toggles", id: "toggles.snapshot", title: "1. toggle snapshot") {
        try TogglesBench(options: options, socket: server.socketPath, connection: connection, report: report, tls: tls).run()
    }
    group("cluster", id: "toggles.snapshot.cluster", title: "1e. toggle snapshot on a cluster") {
        try ClusterBench(options: options, report: report).run()
    }
    group("sessions", id: "sessions", title: "2. sessions") {
        try SessionsBench(options: options, socket: server.socketPath, connection: connection, report: report).run()
    }
    for flavor in [ServerFlavor.search1, .search2] {
        group("search", id: "search.\(flavor.rawValue)", title: "3. error search (\(flavor))") {
            try SearchBench(options: options, report: report).run(flavor: flavor)
        }
    }
    group("logs", id: "logs", title: "4. log tail") {
        try LogsBench(options: options, server: server, connection: connection, report: report).run()
    }
    group("render", id: "render.full", title: "5. render 240x70") {
        try RenderBench(options: options, report: report).run()
    }
    group("groups", id: "groups.build", title: "8. errors grouped") {
        try GroupsBench(options: options, report: report).run()
    }
    group("idle", id: "idle", title: "6. idle cost") {
        try IdleRun(options: options, report: report, loadedServer: server).run()
    }
    group("large", id: "large", title: "9. large keyspaces") {
        try LargeBench(options: options, report: report).run()
    }
    group("faults", id: "faults", title: "29a. hostile replies") {
        try FaultsBench(report: report).run()
    }
    group("soak", id: "soak", title: "29e. soak") {
        try SoakBench(report: report, seconds: options.soakSeconds).run()
    }
    group("guard", id: "guard", title: "26. guarded flips") {
        try GuardBench(options: options, report: report).run()
    }
    group("storm", id: "storm", title: "23a. error storm") {
        try StormBench(options: options, report: report).run()
    }
    group("bigindex", id: "bigindex", title: "23b. big error index") {
        try BigIndexBench(options: options, report: report).run()
    }
    group("freshness", id: "fresh", title: "7. freshness") {
        try FreshnessBench(options: options, report: report, server: server).run()
    }
} catch {
    Progress.say("opsdeck-bench: \(error)")
    exit(1)
}

print(report.table())
print(report.jsonLine())
exit(report.figures.contains { $0.verdict == .error } ? 2 : 0)
