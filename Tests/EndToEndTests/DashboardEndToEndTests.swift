import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The real binary in a real terminal against a real Redis: what an on-call engineer sees.
/// Every wait has a deadline; a failing wait prints the screen it saw.
@Suite(.serialized) struct DashboardEndToEndTests {
    @Test func startupShowsTheSeedDataInAllFourPanes() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.pushLog("e2e-startup-marker payment timed out")
        let screen = try app.terminal.waitUntil(description: "all four panes with data") { screen in
            [
                "1 Toggles", "2 Sessions", "3 Errors", "4 Logs", "accountDeletionFlow", "session:", "e2e-startup-marker",
                "connected", "RediSearch 1.x",
            ].allSatisfy(screen.contains)
        }
        #expect(screen.contains("John S"), "the seed toggle's fingerprint is shown")
        // The seed session is among 60: find it with the filter.
        try app.terminal.send(keys: "2", "/", "4156e021", "Enter")
        try app.terminal.waitFor("session:4156e021:1234")
        try app.terminal.send(keys: "Enter")
        let detail = try app.terminal.waitUntil(description: "the seed session's detail with decisions") {
            $0.contains("fb-user") && $0.contains("chatSupportWidget") && $0.contains("targeted: authType=fb-user")
        }
        #expect(!detail.contains("john.smith@jsmith.com"), "emails are masked by default")
        try app.terminal.send(keys: "m")
        try app.terminal.waitFor("john.smith@jsmith.com")
    }

    @Test func flipWithConfirmationWritesValueAndAudit() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.terminal.waitFor("accountDeletionFlow")
        let auditBefore = try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int ?? -1
        try app.terminal.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try app.terminal.waitUntil(description: "the flip dialog with old → new and blast radius") {
            $0.contains("Flip toggle") && $0.contains("True → False") && $0.contains("lose it now")
        }
        try app.terminal.send(keys: "Tab", "incident 4242", "Tab", "y")
        try app.terminal.waitFor("(audited)")
        #expect(try app.redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")
        #expect(try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int == auditBefore + 1, "exactly one audit entry")
        let entry = try app.redis.execute("LINDEX", "opsdeck:audit:{useNewAlgorithm}", 0).string ?? ""
        #expect(entry.contains("incident 4242") && entry.contains("\"True\"") && entry.contains("\"False\""), "audit: \(entry)")
        #expect(try app.redis.execute("LINDEX", "recent:opsdeck:info", 0).string?.contains("useNewAlgorithm True -> False") == true)
    }

    @Test func compareAndSetConflictWritesNothing() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.terminal.waitFor("accountDeletionFlow")
        try app.terminal.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try app.terminal.waitFor("True → False")
        let auditBefore = try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}")
        // A teammate turns it off first, from another client.
        try app.redis.execute("HSET", "useNewAlgorithm", "toggle", "False")
        try app.terminal.send(keys: "y")
        try app.terminal.waitFor("Changed meanwhile: now False")
        #expect(try app.redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")
        // The flip wrote nothing. The teammate's change itself may be on the record by now, as
        // an observed change (issue 24): that entry, and only that one, may be new.
        let added = (try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int ?? 0) - (auditBefore.int ?? 0)
        #expect(added == 0 || added == 1, "at most the observation: \(added)")
        if added == 1 {
            let entry = try app.redis.execute("LINDEX", "opsdeck:audit:{useNewAlgorithm}", 0).string ?? ""
            #expect(entry.contains("\"actor\":\"outside opsdeck\""), "only the observed change: \(entry)")
        }
    }

    @Test func errorSearchByDeveloperAndByTextWithPunctuation() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.terminal.waitFor("connected")
        try app.terminal.send(keys: "3", "/", "Stephanie", "Enter")
        try app.terminal.waitUntil(description: "the seed error found by developer") {
            $0.contains("found") && $0.contains("Stephanie B") && $0.contains("useNewAlgorithm")
        }
        try app.terminal.send(keys: "/", "C-u", "ArrayIndexOutOfBoundsException: 5", "Enter")
        try app.terminal.waitUntil(description: "the seed error found by exception text") {
            // The informative part, not the thread boilerplate.
            $0.contains("found") && $0.contains("ArrayIndexOutOfBoundsException: 5") && !$0.contains("Exception in thread")
        }
        try app.terminal.send(keys: "/", "C-u", "(unbalanced \"quote -", "Enter")
        let screen = try app.terminal.waitUntil(description: "a result or a clear message, never a syntax error") {
            $0.contains("found") || $0.contains("nothing to search")
        }
        #expect(!screen.lowercased().contains("syntax error"))
    }

    @Test func logLinesFromOtherClientsAppearAndPauseHoldsThem() throws {
        let app = try DashboardHarness(interval: 0.5)
        defer { app.close() }
        try app.terminal.waitFor("connected")
        try app.pushLog("e2e-live-line-1")
        // How soon is scripts/bench's freshness figure; here only that it comes, unasked.
        try app.terminal.waitFor("e2e-live-line-1")
        try app.terminal.send(keys: "4", "p")
        try app.terminal.waitFor("PAUSED")
        try app.pushLog("e2e-held-line-2")
        try app.terminal.waitFor("1 new")
        #expect(!app.terminal.screen().contains("e2e-held-line-2"), "paused: new lines wait")
        try app.terminal.send(keys: "p")
        try app.terminal.waitFor("e2e-held-line-2")
    }

    @Test func resizeBetweenGridAndCompactLayouts() throws {
        let app = try DashboardHarness(columns: 200, rows: 56)
        defer { app.close() }
        try app.terminal.waitUntil(description: "four panes") { $0.contains("3 Errors") && $0.contains("4 Logs") }
        try app.terminal.resize(columns: 80, rows: 24)
        try app.terminal.waitUntil(description: "one pane with a tab bar") { screen in
            let lines = screen.split(separator: "\n")
            return lines.contains { $0.contains("Toggles") && $0.contains("Sessions") && $0.contains("Errors") && $0.contains("Logs") }
                && !screen.contains("┐┌")
        }
        try app.terminal.resize(columns: 50, rows: 12)
        try app.terminal.waitFor("Terminal too small")
        try app.terminal.resize(columns: 200, rows: 56)
        try app.terminal.waitUntil(description: "four panes again") { $0.contains("3 Errors") && $0.contains("┐┌") }
    }

    @Test func redisGoingAwayShowsReconnectingAndRecovers() throws {
        let app = try DashboardHarness(interval: 0.5)
        defer { app.close() }
        try app.terminal.waitFor("connected")
        app.server.stop()
        try app.terminal.waitFor("reconnecting")
        #expect(app.terminal.screen().contains("accountDeletionFlow"), "the last data stays on screen")
        try app.terminal.send(keys: "?")
        try app.terminal.waitFor("Keys — ") // keys still work while Redis is gone
        try app.terminal.send(keys: "Escape")
        try app.terminal.waitUntil(description: "help closed") { !$0.contains("Keys — ") }
        try app.server.start()
        try app.server.connect().execute("HSET", "recoveredToggle", "toggle", "on")
        try app.terminal.waitUntil(description: "recovered with fresh data") {
            $0.contains("connected") && !$0.contains("reconnecting") && $0.contains("recoveredToggle")
        }
    }

    /// The server frozen (SIGSTOP) until the test resumes it: whatever the keys do while it is
    /// frozen, they did without Redis, however long a busy machine takes to show it.
    @Test func keysRespondWhileTheServerIsStalled() throws {
        let app = try DashboardHarness(interval: 0.5)
        defer { app.close() }
        try app.terminal.waitFor("connected")
        app.server.pause()
        defer { app.server.resume() }
        // A poll is stuck on the frozen server once a probe gets no answer.
        let probe = RedisConnection(options: RedisConnectionOptions(endpoint: app.server.endpoint, readTimeout: 0.2))
        try #require(
            eventually {
                do {
                    try probe.execute("PING")
                    return false
                } catch { return true }
            })
        try app.terminal.send(keys: "?")
        try app.terminal.waitFor("Keys — ")
        try app.terminal.send(keys: "Escape", "4")
        try app.terminal.waitUntil(description: "help closed while Redis is frozen") {
            !$0.contains("Keys — ")
        }
        let fresh = RedisConnection(options: RedisConnectionOptions(endpoint: app.server.endpoint, readTimeout: 0.2))
        #expect(throws: RedisError.self, "the server was frozen all along") { try fresh.execute("PING") }
    }

    @Test func quittingRestoresTheTerminal() throws {
        let server = try RedisServerProcess(flavor: .plain)
        defer { server.shutdown() }
        let terminal = try TerminalSession(
            command: [
                "/bin/sh", "-c", "\(DashboardHarness.binary) dashboard --socket \(server.socketPath); echo \"exit=$?\"; stty -a; sleep 30",
            ],
            columns: 120, rows: 40)
        defer { terminal.close() }
        try terminal.waitFor("connected")
        try terminal.send(keys: "q")
        let screen = try terminal.waitUntil(description: "exit status and stty settings") {
            $0.contains("exit=0") && $0.contains("iexten")
        }
        #expect(screen.contains(" icanon") && screen.contains(" echo"), "cooked mode and echo are back:\n\(screen)")
    }

    @Test func withoutATerminalItExplainsAndExits() throws {
        let process = Process()
        process.executableURL = try OpsdeckRun.binary()
        process.arguments = ["dashboard"]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationStatus == 1)
        #expect(message.contains("not a TTY") && message.contains("opsdeck toggles"), "message: \(message)")
        #expect(printed.isEmpty, "no escape codes written into the pipe")
    }
}
