import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 2 as the issue tells it: a toggle hash written by another client shows on the
/// dashboard by itself, with the default pattern `*`, with invalidations and polling only. The
/// real binary in tmux on the demo data plus 30,000 sessions (so a full discovery walk is not
/// cheap). The deadline is roomy, as every wait here: how soon (≤ 5 s) is `scripts/bench`'s
/// figure 7e, and that no poll walks the whole keyspace is NewToggleFreshnessTests'.
@Suite(.serialized) struct NewToggleEndToEndTests {
    @Test(arguments: [false, true])
    func aToggleWrittenByAnotherClientShowsByItself(pollOnly: Bool) throws {
        let app = try DashboardHarness(interval: 1, extra: pollOnly ? ["--poll-only"] : [])
        defer { app.close() }
        for chunk in stride(from: 0, to: 30_000, by: 3_000) {
            try app.redis.send(
                (chunk..<chunk + 3_000).map { RedisCommand("HSET", String(format: "session:e2e%05d", $0), "authType", "guest") })
        }
        try app.terminal.waitFor("betaDashboard")
        try app.terminal.waitUntil(description: pollOnly ? "polling" : "live") { $0.contains(pollOnly ? "polling" : "live") }
        try app.redis.execute("HSET", "quietLaunch", "toggle", "True", "owner", "payments")
        try app.terminal.send(keys: "1", "/", "quietLaunch", "Enter")
        let screen = try app.terminal.waitUntil(description: "the new toggle's row") { screen in
            screen.split(separator: "\n").contains { $0.contains("quietLaunch") && $0.contains(" ON ") }
        }
        #expect(!screen.contains("No toggles"), "\(screen)")
    }
}
