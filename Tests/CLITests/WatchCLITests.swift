import Foundation
import RedisClient
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck watch` (issue 24) as a recorder runs it: the real binary in the background against a
/// private server, its lines read as they come, ended by SIGTERM.
@Suite struct WatchCLITests {
    /// The events of `watch --format json` after the first `ready*` probe, probes left out.
    static func events(_ watch: GuardProcess) -> [[String: Any]] {
        let lines = watch.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        return lines.filter { !(($0["toggle"] as? String)?.hasPrefix("ready") ?? false) }
    }

    static func has(_ watch: GuardProcess, _ kind: String, _ toggle: String) -> Bool {
        events(watch).contains { $0["kind"] as? String == kind && $0["toggle"] as? String == toggle }
    }

    static func has(_ watch: GuardProcess, _ kind: String) -> Bool {
        events(watch).contains { $0["kind"] as? String == kind }
    }

    /// Waits until the watch has taken its first reading: a fresh `ready<n>` toggle each try,
    /// until one is reported as new (one created before the first reading is not news).
    /// `marker` is how a new toggle shows in the watch's format.
    static func waitUntilWatching(_ watch: GuardProcess, _ redis: RedisConnection, marker: String = "\"kind\":\"new\"") throws {
        var attempt = 0
        let ready = try eventually {
            attempt += 1
            try redis.execute("HSET", "ready\(attempt)", "toggle", "on")
            return eventually(timeout: 1) { watch.stdout.contains(marker) }
        }
        try #require(ready, "watch never reported a new toggle; stderr: \(watch.stderr)")
    }

    @Test func printsAScriptedScenarioInOrderSurvivesARestartAndEndsOnSIGTERM() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            try redis.execute("HSET", "alpha", "toggle", "on")
            let watch = try GuardProcess(["watch", "--format", "json", "--interval", "0.1", "--as", "recorder"] + socket)
            try Self.waitUntilWatching(watch, redis)

            let flip = try OpsdeckRun.run(["toggles", "set", "alpha", "off", "--reason", "incident 7", "--as", "ci-bot"] + socket)
            try #require(flip.status == 0, "\(flip.stderr)")
            try #require(eventually { Self.has(watch, "flip", "alpha") }, "flip: \(watch.stdout)")
            try redis.execute("HSET", "alpha", "toggle", "on")
            try #require(eventually { Self.has(watch, "observed", "alpha") }, "observed: \(watch.stdout)")
            try redis.execute("HSET", "beta", "toggle", "x\u{1B}[2J")
            try #require(eventually { Self.has(watch, "new", "beta") }, "new: \(watch.stdout)")
            try redis.execute("DEL", "beta")
            try #require(eventually { Self.has(watch, "deleted", "beta") }, "deleted: \(watch.stdout)")

            let events = Self.events(watch)
            #expect(
                events.map { "\($0["kind"] ?? "") \($0["toggle"] ?? "")" } == ["flip alpha", "observed alpha", "new beta", "deleted beta"])
            #expect(events.allSatisfy { $0.count == 10 }, "every key on every line: \(events)")
            #expect(events[0]["actor"] as? String == "ci-bot" && events[0]["reason"] as? String == "incident 7")
            #expect(events[1]["recorded"] as? Bool == true && events[1]["old"] as? String == "off" && events[1]["new"] as? String == "on")
            #expect(events[2]["new"] as? String == "x\u{1B}[2J", "JSON keeps the value exact (escaped)")
            #expect(!watch.stdout.contains("\u{1B}"), "no raw escape reaches stdout")
            // The outside change is on the audit trail, seen by the recorder, as the dashboard records it.
            let trail = try redis.execute("LRANGE", "opsdeck:audit:{alpha}", 0, -1).array?.compactMap(\.string) ?? []
            #expect(trail.count == 2 && trail.first?.contains("\"seen_by\":\"recorder\"") == true, "\(trail)")

            // A restart on the same socket: said on stderr, and the watch carries on.
            server.stop()
            try #require(eventually { watch.stderr.contains("retrying") }, "stderr: \(watch.stderr)")
            try server.start()
            let again = try server.connect()
            defer { again.close() }
            try again.execute("HSET", "gamma", "toggle", "on")
            #expect(eventually { Self.has(watch, "new", "gamma") }, "after the restart: \(watch.stdout)\n\(watch.stderr)")
            #expect(watch.stderr.contains("connected again"))
            // The outage on stdout too, as events: once each, in order, with no toggle.
            let server = Self.events(watch).filter { ["unreachable", "reachable"].contains($0["kind"] as? String) }
            #expect(server.map { $0["kind"] as? String } == ["unreachable", "reachable"], "\(server)")
            #expect(server.allSatisfy { $0["toggle"] is NSNull }, "\(server)")
            #expect(!watch.stdout.contains("retrying"), "connection messages stay off stdout")

            watch.signal(SIGTERM)
            #expect(watch.finish() == 0, "stderr: \(watch.stderr)")
        }
    }

    @Test func readOnlyReportsButWritesNothing() throws {
        try withConnection { redis, server in
            try redis.execute("HSET", "alpha", "toggle", "on")
            let watch = try GuardProcess(["watch", "--format", "json", "--interval", "0.1", "--read-only", "-s", server.socketPath])
            try Self.waitUntilWatching(watch, redis)
            let keys = try redis.execute("DBSIZE")
            try redis.execute("HSET", "alpha", "toggle", "off")
            try #require(eventually { Self.has(watch, "observed", "alpha") }, "observed: \(watch.stdout)")
            #expect(Self.events(watch).first?["recorded"] as? Bool == false)
            #expect(try redis.execute("DBSIZE") == keys, "nothing written")
            #expect(try redis.execute("EXISTS", "opsdeck:audit:{alpha}") == .integer(0))
            watch.signal(SIGINT)
            #expect(watch.finish() == 0, "stderr: \(watch.stderr)")
        }
    }

    @Test func textLinesAreSanitised() throws {
        try withConnection { redis, server in
            let watch = try GuardProcess(["watch", "--interval", "0.1", "-s", server.socketPath])
            var attempt = 0
            #expect(
                try eventually {
                    attempt += 1
                    try redis.execute("HSET", "evil\(attempt)", "toggle", "x\u{1B}]0;pwned\u{07}")
                    return eventually(timeout: 1) { watch.stdout.contains(" new evil") }
                }, "stdout: \(watch.stdout) stderr: \(watch.stderr)")
            #expect(!watch.stdout.contains("\u{1B}") && !watch.stdout.contains("\u{07}"))
            watch.signal(SIGTERM)
            #expect(watch.finish() == 0)
        }
    }
}
