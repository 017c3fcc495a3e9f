import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck demo` as a new user runs it, and the dashboard's start-up edge cases.
@Suite(.serialized) struct DemoEndToEndTests {
    /// Runs the demo under a shell that records the demo's pid (exec keeps it) in `folder`.
    private func startDemo(in folder: URL, columns: Int = 200, rows: Int = 56) throws -> TerminalSession {
        let pidFile = folder.appendingPathComponent("pid").path
        return try TerminalSession(
            command: ["/bin/sh", "-c", "echo $$ > \(pidFile); exec \(DashboardHarness.binary) demo --no-activity"],
            environment: ["OPSDECK_TEST_ROOT": folder.path], columns: columns, rows: rows)
    }

    private func demoDirectories(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("opsdeck-redis-") }
    }

    private func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("opsdeck-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    @Test(arguments: ["q", "SIGTERM", "SIGHUP"])
    func quittingTheDemoStopsItsServerAndRemovesItsFolder(_ how: String) throws {
        try withFolder { folder in
            let terminal = try startDemo(in: folder)
            defer { terminal.close() }
            try terminal.waitUntil(description: "the demo with its data") {
                $0.contains("connected") && $0.contains("accountDeletionFlow") && $0.contains("RediSearch 1.x")
            }
            let directories = demoDirectories(in: folder)
            try #require(directories.count == 1, "one private server folder: \(directories)")
            let serverPid = try String(
                contentsOfFile: folder.appendingPathComponent(directories[0]).appendingPathComponent("redis.pid").path,
                encoding: .utf8
            ).trimmingCharacters(in: .whitespacesAndNewlines)
            let demoPid = try String(contentsOfFile: folder.appendingPathComponent("pid").path, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            switch how {
            case "q": try terminal.send(keys: "q")
            case "SIGTERM": kill(pid_t(demoPid)!, SIGTERM)
            default: kill(pid_t(demoPid)!, SIGHUP)
            }
            #expect(eventually { demoDirectories(in: folder).isEmpty }, "the folder is removed")
            #expect(eventually { kill(pid_t(serverPid)!, 0) != 0 }, "redis-server \(serverPid) is stopped")
            #expect(eventually { kill(pid_t(demoPid)!, 0) != 0 }, "the demo itself exited")
        }
    }

    @Test func unreachableRedisAtStartOpensInTheReconnectingState() throws {
        let terminal = try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--socket", "/tmp/opsdeck-no-such-dir/redis.sock"],
            columns: 120, rows: 40)
        defer { terminal.close() }
        try terminal.waitUntil(description: "reconnecting, panes drawn") {
            $0.contains("reconnecting") && $0.contains("1 Toggles")
        }
        try terminal.send(keys: "q")
        #expect(eventually { !terminal.isRunning }, "q quits while disconnected")
        #expect(terminal.exitStatus == 0)
    }

    @Test func compactLayoutSwitchesPanesWithNumbersAndTab() throws {
        let app = try DashboardHarness(columns: 80, rows: 24)
        defer { app.close() }
        try app.terminal.waitFor("connected")
        try app.terminal.send(keys: "3")
        try app.terminal.waitUntil(description: "the Errors pane alone") { $0.contains("┌ 3 Errors") && !$0.contains("┌ 1 Toggles") }
        try app.terminal.send(keys: "Tab")
        try app.terminal.waitUntil(description: "Tab moves to Logs") { $0.contains("┌ 4 Logs") }
        try app.terminal.send(keys: "BTab", "BTab")
        try app.terminal.waitUntil(description: "Shift-Tab back to Sessions") { $0.contains("┌ 2 Sessions") }
    }
}
