import Foundation
import LocalRedis
import Operations
import RedisClient

/// Figures 26 (docs/BENCHMARKS.md): a guarded flip (`GuardedFlip`, the CLI's and the
/// dashboard's code) on a private server. (a) The time from the error that breaks the rule being
/// written (its `add` returned) to the toggle being back, seen by another client polling the
/// toggle every 2 ms; (b) the load a running guard puts on Redis while nothing happens, from
/// `INFO commandstats` (only the guard talks to that server). On RediSearch 1.x and without a
/// search module.
struct GuardBench {
    let options: BenchOptions
    let report: Report

    func run() throws {
        for flavor in [ServerFlavor.search1, .plain] { try measure(flavor) }
    }

    private func measure(_ flavor: ServerFlavor) throws {
        let server = try retryingTakenPorts { try RedisServerProcess(flavor: flavor) }
        defer { server.stop() }
        let redis = try server.connect()
        let env = OpsEnvironment(redis: redis, actor: "bench")
        let errors = ErrorStore()
        if flavor != .plain { try errors.createIndex(env) }
        let label = flavor == .plain ? "no search module" : "RediSearch 1.x"

        var reverts: [Double] = []
        for round in 0..<max(3, min(options.repeats, 7)) {
            let name = "benchGuard\(round)"
            try redis.execute("HSET", name, "toggle", "false")
            let guardThread = try start(server, name: name, duration: 120)
            guard waitUntil(timeout: 30, { (try? redis.execute("HGET", "opsdeck:guard:{\(name)}", "state").string) == "running" })
            else { throw BenchFailure("the guard on \(name) did not start") }
            for index in 0..<2 {
                try errors.add(env, toggleName: name, toggleValue: "true", fingerPrint: "f\(index)", exceptionBody: "E\(index)")
            }
            // Let a check or two pass with the rule intact, so the breaking error lands at a random phase.
            usleep(useconds_t(1_000_000 + Int.random(in: 0..<500_000)))
            try errors.add(env, toggleName: name, toggleValue: "true", fingerPrint: "f2", exceptionBody: "E2")
            let written = Date()
            guard waitUntil(timeout: 30, { (try? redis.execute("HGET", name, "toggle").string) == "false" }) else {
                throw BenchFailure("the guard on \(name) did not revert")
            }
            reverts.append(Date().timeIntervalSince(written))
            guardThread.wait()
        }
        let sorted = reverts.sorted()
        let median = sorted[sorted.count / 2]
        report.add(
            Figure(
                id: "guard.revert.\(flavor.rawValue)", title: "26a. breaking error → toggle back, \(label)", unit: "s",
                value: median, min: sorted.first, goal: "<= 2 s", verdict: median <= 2 ? .pass : .miss,
                note: "median of \(reverts.count); the guard counts every 1 s (default --guard-interval), polling only: "
                    + "it does not use invalidations, so there is no second figure", runs: reverts.count))

        // Idle: one guard, no errors, 10 s.
        let name = "benchGuardIdle"
        try redis.execute("HSET", name, "toggle", "false")
        let idle = try start(server, name: name, duration: 14)
        guard waitUntil(timeout: 30, { (try? redis.execute("HGET", "opsdeck:guard:{\(name)}", "state").string) == "running" })
        else { throw BenchFailure("the idle guard did not start") }
        usleep(1_000_000)
        let calls0 = try IdleBench.totalCalls(redis)
        let start = Date()
        usleep(10_000_000)
        let calls1 = try IdleBench.totalCalls(redis)
        let elapsed = Date().timeIntervalSince(start)
        idle.wait()
        // The first INFO is counted in the second one's stats.
        let perSecond = Double(calls1 - calls0 - 1) / elapsed
        report.add(
            Figure(
                id: "guard.idle.\(flavor.rawValue)", title: "26b. idle guard load on Redis, \(label)", unit: "cmd/s",
                value: perSecond, goal: "<= 20 cmd/s", verdict: perSecond <= 20 ? .pass : .miss,
                note: "INFO commandstats delta over 10 s of a running guard with no errors, default 1 s interval; "
                    + "only the guard talks to this server"))
    }

    /// A guard turning `name` on, run on its own thread with its own connection.
    private func start(_ server: RedisServerProcess, name: String, duration: TimeInterval) throws -> GuardThread {
        let endpoint = server.endpoint
        let guarded = GuardedFlip(name: name, on: true, rule: try GuardRule("errors > 2 in 5m"), duration: duration)
        return GuardThread {
            let connection = RedisConnection(endpoint: endpoint)
            let env = OpsEnvironment(redis: connection, actor: "bench")
            _ = try? guarded.run(env, shouldStop: { false })
            connection.close()
        }
    }

    private func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(2000)
        }
        return false
    }
}

/// A guard's own thread, waited for at the end.
final class GuardThread: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [done] in
            body()
            done.signal()
        }
        thread.start()
    }

    func wait() { done.wait() }
}
