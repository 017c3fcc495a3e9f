import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The dashboard over TLS, in a real terminal: it reads every pane, a flip is a compare-and-set
/// with its audit, and an unverified connection is flagged on screen.
@Suite(.serialized) struct TLSEndToEndTests {
    @Test func dashboardAndFlipOverVerifiedTLS() throws {
        let app = try DashboardHarness(transport: .tls)
        defer { app.close() }
        try app.pushLog("e2e-tls-marker payment timed out")
        let screen = try app.terminal.waitUntil(description: "all four panes over TLS") { screen in
            ["accountDeletionFlow", "session:", "e2e-tls-marker", "connected", "RediSearch 1.x", "rediss://localhost"]
                .allSatisfy(screen.contains)
        }
        #expect(!screen.contains("TLS UNVERIFIED"))
        let auditBefore = try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int ?? -1
        try app.terminal.send(keys: "1", "/", "useNewAlgorithm", "Enter", "Space")
        try app.terminal.waitFor("True → False")
        try app.terminal.send(keys: "y")
        try app.terminal.waitFor("(audited)")
        #expect(try app.redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")
        #expect(try app.redis.execute("LLEN", "opsdeck:audit:{useNewAlgorithm}").int == auditBefore + 1, "exactly one audit entry")
        // A change by another client reaches the screen over the same TLS connection.
        try app.redis.execute("HSET", "useNewAlgorithm", "toggle", "True")
        try app.terminal.waitUntil(description: "the outside change shown") { screen in
            screen.split(separator: "\n").contains { $0.contains("useNewAlgorithm") && $0.contains(" ON ") }
        }
    }

    @Test func insecureConnectionIsFlaggedOnScreen() throws {
        let app = try DashboardHarness(extra: ["--insecure"], transport: .tls)
        defer { app.close() }
        try app.terminal.waitUntil(description: "the unverified badge") {
            $0.contains("accountDeletionFlow") && $0.contains("TLS UNVERIFIED")
        }
    }
}
