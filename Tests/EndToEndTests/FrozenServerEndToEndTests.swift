import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 9: a server that freezes (SIGSTOP, like a long `DEBUG SLEEP`) is shown STALE
/// while it is frozen, with the server's invalidations on. The read timeout is an hour, so no
/// error can be what shows it: only the polls' age (every poll touches the server, a silent one
/// with a PING). `LiveStallTests` pins the cause without a terminal.
@Suite struct FrozenServerEndToEndTests {
    @Test func aFrozenServerIsShownStaleBeforeAnyReadTimesOut() throws {
        try withServer { server in
            try server.connect().execute("HSET", "useNewAlgorithm", "toggle", "True")
            let terminal = try TerminalSession(
                command: [DashboardHarness.binary, "dashboard", "--socket", server.socketPath, "--timeout", "3600"],
                environment: ["TZ": "UTC", "USER": "e2e"], columns: 140, rows: 30)
            defer { terminal.close() }
            // Invalidations on: the mode in which a routine poll may have nothing to read.
            _ = try terminal.waitFor("live", timeout: 30)
            #expect(!terminal.screen().contains("STALE"))
            server.pause()
            defer { server.resume() }
            let stale = eventually(timeout: 60) { terminal.screen().contains("STALE") }
            #expect(stale, "no STALE while the server is frozen; screen:\n\(terminal.screen())")
            // Still the age of the data, not a read error: nothing timed out.
            #expect(!terminal.screen().contains("timed out"))
            server.resume()
            let fresh = eventually(timeout: 60) { !terminal.screen().contains("STALE") }
            #expect(fresh, "STALE stayed after the server thawed; screen:\n\(terminal.screen())")
        }
    }
}
