import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 13 end to end: the real binary in tmux against three real servers — toggles on A,
/// sessions on B, errors and logs on C, each holding decoys of the kinds it does not serve.
/// Each pane reads its own server, the flip dialog counts B's sessions, and stopping B leaves
/// the other panes updating while the Sessions pane says why it is stale.
@Suite struct SplitDatabasesEndToEndTests {
    @Test func eachPaneReadsItsOwnServerAndOneDownLeavesTheOthersUpdating() throws {
        let a = try RedisServerProcess(), b = try RedisServerProcess(), c = try RedisServerProcess()
        defer {
            a.stop()
            b.stop()
            c.stop()
        }
        let ra = try a.connect(), rb = try b.connect(), rc = try c.connect()
        defer {
            ra.close()
            rb.close()
            rc.close()
        }
        try ra.execute("HSET", "alpha", "toggle", "True", "override", "fb-user")
        try ra.execute("HSET", "beta", "toggle", "off")
        try ra.send((0..<5).map { RedisCommand("HSET", "session:decoyA\($0)", "authType", "fb-user") })
        try ra.execute("LPUSH", "recent:decoyA:error", Self.stamp() + " decoy line on A")
        try rb.send((1...3).map { RedisCommand("HSET", "session:onB\($0)", "authType", "fb-user") })
        try rb.execute("HSET", "decoyToggleB", "toggle", "on")
        try rc.execute(
            "HSET", "error:alpha:" + Self.errorTime(), "toggleName", "alpha", "toggleValue", "True",
            "fingerPrint", "John S", "exceptionBody", "java.lang.IllegalStateException: boom on C")
        try rc.execute("LPUSH", "recent:svc:error", Self.stamp() + " first line from C")
        try rc.execute("HSET", "session:decoyC", "authType", "fb-user")

        let terminal = try TerminalSession(
            command: [
                DashboardHarness.binary, "dashboard", "-s", a.socketPath, "--interval", "0.5",
                "--endpoint", "sessions=unix://\(b.socketPath)", "--endpoint", "errors=unix://\(c.socketPath)",
                "--endpoint", "logs=unix://\(c.socketPath)",
            ],
            environment: ["TZ": "UTC", "USER": "e2e"], columns: 200, rows: 56)
        defer { terminal.close() }

        let first = try terminal.waitUntil(description: "each pane with its own server's data") { screen in
            [
                "alpha", "beta", "session:onB1", "session:onB3", "boom on C", "first line from C",
                "toggles ● sessions ● errors ● logs ●",
            ].allSatisfy(screen.contains)
        }
        #expect(!first.contains("decoy"), "a pane read another kind's server:\n\(first)")

        // The flip dialog's blast radius counts the sessions on B (3), not A's 5 decoys.
        try terminal.send(keys: "1", "/", "beta", "Enter", "Space")
        try terminal.waitUntil(description: "the blast radius from the sessions' server") {
            $0.contains("Flip toggle") && $0.contains("3 of 3 sessions")
        }
        try terminal.send(keys: "n")
        try terminal.waitUntil(description: "the dialog closed") { !$0.contains("Flip toggle") }

        // B goes away: only the Sessions pane says so; toggles and logs keep updating.
        b.stop()
        try terminal.waitUntil(description: "sessions marked down, its pane saying why") {
            $0.contains("sessions ✕") && $0.contains("reconnecting…") && $0.contains("STALE")
        }
        try ra.execute("HSET", "alpha", "toggle", "False")
        try rc.execute("LPUSH", "recent:svc:error", Self.stamp() + " second line from C")
        let later = try terminal.waitUntil(description: "toggles and logs still updating") { screen in
            screen.contains("second line from C") && screen.contains("toggles ● sessions ✕ errors ● logs ●")
                && screen.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("OFF") }
        }
        #expect(later.contains("session:onB1"), "the last sessions stay on screen, marked stale:\n\(later)")
        #expect(
            later.split(separator: "\n").filter { $0.contains("reconnecting…") }.count == 1,
            "only the Sessions pane says it is reconnecting:\n\(later)")
    }

    static func stamp() -> String { AsctimeTimestamp.format(Date(), timeZone: TimeZone(identifier: "UTC")!) }

    /// An error id's time part for now (`MM-dd-yy-HH-mm-ss`, UTC).
    static func errorTime() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MM-dd-yy-HH-mm-ss"
        return formatter.string(from: Date())
    }
}
