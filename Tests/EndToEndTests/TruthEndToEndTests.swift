import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 10: the screen never states something false in the moments that matter. Each test
/// follows the steps an on-call engineer took in the demo data, with the real binary in tmux.
@Suite(.serialized) struct TruthEndToEndTests {
    /// Sessions whose `authType` is `value`, counted straight from Redis.
    private func sessions(_ redis: RedisConnection, authType value: String? = nil) throws -> Int {
        let keys = try KeyScanner.collect(on: redis, pattern: "session:*", type: "hash")
        guard let value else { return keys.count }
        let replies = try redis.send(keys.map { RedisCommand("HGET", $0, "authType") })
        return replies.filter { $0.string == value }.count
    }

    /// Bug 1: the blast radius is what the flip changes, not the current state.
    @Test func blastRadiusSaysWhatTheFlipChanges() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        let total = try sessions(app.redis)
        let emailUsers = try sessions(app.redis, authType: "email-user")
        #expect(emailUsers > 0 && emailUsers < total, "the demo data must have some email-user sessions")
        try app.terminal.waitFor("betaDashboard")

        // OFF with `override email-user`: turning it on reaches exactly the email-user sessions.
        try app.terminal.send(keys: "1", "/", "betaDashboard", "Enter", "Space")
        let on = try app.terminal.waitUntil(description: "the email-user count") { $0.contains("will get it") }
        #expect(on.contains("\(emailUsers) of \(total) sessions will get it"), "\(on)")
        #expect(on.contains("For: authType = email-user"), "\(on)")
        #expect(on.contains("Audited as: e2e@"), "the dialog names who the audit will record:\n\(on)")
        try app.terminal.send(keys: "n", "Escape")
        try app.terminal.waitUntil(description: "the dialog closed") { !$0.contains("Flip toggle") }

        // OFF with no override: everyone gets it.
        try app.terminal.send(keys: "/", "accountDeletionFlow", "Enter", "Space")
        let all = try app.terminal.waitUntil(description: "everyone") { $0.contains("will get it") }
        #expect(all.contains("\(total) of \(total) sessions will get it"), "\(all)")
        #expect(all.contains("everyone (no override)"), "\(all)")
        try app.terminal.send(keys: "n", "Escape")
        try app.terminal.waitUntil(description: "the dialog closed") { !$0.contains("Flip toggle") }

        // ON with `override fb-user` (chatSupportWidget): turning it off, the fb-users lose it.
        let fbUsers = try sessions(app.redis, authType: "fb-user")
        try app.terminal.send(keys: "/", "chatSupportWidget", "Enter", "Space")
        let off = try app.terminal.waitUntil(description: "the sessions that lose it") { $0.contains("lose it now") }
        #expect(off.contains("\(fbUsers) of \(total) sessions lose it now"), "\(off)")
    }

    /// Bug 2: clearing a search (empty query + Enter, or Esc from the results) returns to the
    /// live list instead of "nothing to search for" over stale results.
    @Test func clearingASearchReturnsToTheLiveErrors() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.terminal.send(keys: "3")
        try app.terminal.waitUntil(description: "the live list") { $0.contains("latest ") && $0.contains(" errors") }
        try app.terminal.send(keys: "/", "Priya", "Enter")
        try app.terminal.waitUntil(description: "the search's results") { $0.contains(" found") && !$0.contains("latest ") }
        try app.terminal.send(keys: "/", "C-u", "Enter")
        let cleared = try app.terminal.waitUntil(description: "the live list again") { $0.contains("latest ") }
        #expect(!cleared.contains("nothing to search for"), "\(cleared)")

        try app.terminal.send(keys: "/", "Priya", "Enter")
        try app.terminal.waitUntil(description: "the search's results") { $0.contains(" found") && !$0.contains("latest ") }
        try app.terminal.send(keys: "Escape")
        let escaped = try app.terminal.waitUntil(description: "Esc returns to the live list") { $0.contains("latest ") }
        #expect(!escaped.contains("Search: Priya"), "the query is cleared too:\n\(escaped)")
    }

    /// Bug 5: a sessions filter in effect is always visible, and Esc in the list clears it —
    /// for the poller too, which narrows its scan by it.
    @Test func escClearsTheSessionsFilterVisibly() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        let total = try sessions(app.redis)
        let fbUsers = try sessions(app.redis, authType: "fb-user")
        try app.terminal.send(keys: "2")
        try app.terminal.waitFor("2 Sessions \(total)")
        try app.terminal.send(keys: "/", "authType=fb-user", "Enter")
        try app.terminal.waitFor("2 Sessions \(fbUsers) · authType=fb-user")
        try app.terminal.send(keys: "Escape")
        let cleared = try app.terminal.waitUntil(description: "every session again, no filter") {
            $0.contains("2 Sessions \(total)") && !$0.contains("authType=fb-user")
        }
        #expect(!cleared.contains("· authType"), "\(cleared)")
        // And it stays cleared for the poller too: a new session of another kind, read by the
        // refresh, counts (a poller still filtering by fb-user would not count it).
        try app.redis.execute("HSET", "session:e2e-after-esc", "authType", "sso")
        try app.terminal.send(keys: "r")
        let later = try app.terminal.waitFor("2 Sessions \(total + 1)")
        #expect(!later.contains("authType=fb-user"), "\(later)")
    }

    /// Bug 7: Enter works in Toggles (the toggle's detail) and in Logs (the whole line).
    @Test func enterOpensToggleAndLogDetails() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        try app.terminal.waitFor("betaDashboard")
        try app.terminal.send(keys: "1", "/", "betaDashboard", "Enter", "Enter")
        let detail = try app.terminal.waitUntil(description: "the toggle detail") {
            $0.contains("1 Toggle betaDashboard") && $0.contains("Changes (audit trail")
        }
        for needle in [
            "OFF for everyone (when ON: only authType = email-user)", "get it now", "Fields", "override",
            "email-user", "Errors",
        ] {
            #expect(detail.contains(needle), "missing \(needle):\n\(detail)")
        }
        // Someone flips it with redis-cli: the detail says the change was made outside opsdeck.
        try app.redis.execute("HSET", "betaDashboard", "toggle", "True")
        try app.redis.execute(
            "LPUSH", "opsdeck:audit",
            """
            {"time":"2026-01-01T00:00:00Z","actor":"priya@laptop","toggle":"betaDashboard","old":"True","new":"False"}
            """)
        try app.terminal.send(keys: "r")
        // Marked as unexplained, or already on the record as observed (issue 24), depending on
        // whether the detail was re-read before or after the poll that recorded it.
        let outside = try app.terminal.waitUntil(description: "the outside change marked") {
            $0.contains("changed outside opsdeck") || $0.contains("outside opsdeck, seen by")
        }
        #expect(outside.contains("ON only for sessions with authType = email-user"), "\(outside)")
        try app.terminal.send(keys: "Escape")
        try app.terminal.waitUntil(description: "back to the table") { $0.contains("1 Toggles") }

        let marker = "END-OF-A-VERY-LONG-LINE"
        try app.pushLog("payment declined " + String(repeating: "lorem ipsum ", count: 40) + marker)
        try app.terminal.send(keys: "4")
        try app.terminal.waitFor("payment declined")
        try app.terminal.send(keys: "Enter")
        let line = try app.terminal.waitUntil(description: "the whole log line") { $0.contains("4 Log line") }
        #expect(line.contains(marker), "the end of the line is shown, wrapped:\n\(line)")
        #expect(line.contains("As stored"))
        try app.terminal.send(keys: "Escape")
        try app.terminal.waitUntil(description: "back to the tail") { $0.contains("4 Logs") }
    }

    private func addError(_ app: DashboardHarness, toggle: String, developer: String, body: String) throws {
        let env = OpsEnvironment(redis: app.redis, patterns: KeyPatterns())
        try ErrorStore(module: SearchModule(generation: .v1)).add(
            env, toggleName: toggle, toggleValue: "True", fingerPrint: developer, exceptionBody: body)
    }

    /// The id in the Errors pane's title while an error's detail is open.
    private func openedErrorID(_ app: DashboardHarness) throws -> String {
        try app.terminal.send(keys: "Enter")
        let screen = try app.terminal.waitUntil(description: "an error's detail") { $0.contains("3 Errors · ") }
        try app.terminal.send(keys: "Escape")
        try app.terminal.waitUntil(description: "back to the list") { !$0.contains("3 Errors · ") }
        let title = screen.components(separatedBy: "3 Errors · ")[1]
        return String(title.prefix { $0 != " " && $0 != "─" })
    }

    /// Bug 3: new errors show without a refresh (how soon — goal 2 s, not the next 10 s
    /// overview — is `scripts/bench`'s freshness figure 7c), a search refreshes with an "N new"
    /// marker; bug 4: the selection stays on the same error when rows arrive.
    @Test func newErrorsShowUnaskedAndTheSelectionFollowsTheRecord() throws {
        let app = try DashboardHarness()
        defer { app.close() }
        // Every error, newest first (the grouped view is the default).
        try app.terminal.send(keys: "3", "v")
        try app.terminal.waitUntil(description: "the live list") { $0.contains("latest ") && $0.contains("Fingerprint") }
        try app.terminal.send(keys: "j", "j", "j", "j", "j")
        let before = try openedErrorID(app)

        for index in 0..<3 {
            try addError(app, toggle: "checkoutV2", developer: "Nina Q", body: "fresh\(index): java.lang.IllegalStateException")
        }
        try app.terminal.waitUntil(description: "the new errors") { $0.contains("fresh2") }
        // The pane's age is measured from the start of the poll that read the list: on a loaded
        // machine that poll can itself take a while, and the pane then rightly says "as of 2s
        // ago" until the next probe confirms nothing changed since.
        try app.terminal.waitUntil(description: "the pane to say its list is current") {
            $0.contains("fresh2") && $0.contains("current")
        }
        #expect(try openedErrorID(app) == before, "the selection must stay on the same error")

        // A search's results refresh too, and say how many are new.
        try app.terminal.send(keys: "/", "Nina", "Enter")
        try app.terminal.waitUntil(description: "the search") { $0.contains("3 found") }
        try addError(app, toggle: "checkoutV2", developer: "Nina Q", body: "later: java.lang.IllegalStateException")
        let refreshed = try app.terminal.waitUntil(description: "the refreshed search") { $0.contains("4 found") }
        #expect(refreshed.contains("1 new"), "\(refreshed)")
    }

    /// Bug 6: a refused password or an unreachable host says what failed and what to do in the
    /// panes (not "Waiting for the first poll…"), claims no search backend, and `r` retries.
    /// That `r` retries at once, whatever the backoff, is `PollerTests`' to show (with a backoff
    /// of an hour): here the dashboard's backoff is capped at 5 s, which no roomy deadline tells
    /// apart from "at once".
    @Test func connectionFailuresSayWhatFailedAndWhatToDo() throws {
        let server = try RedisServerProcess(flavor: .plain, extraArguments: ["--requirepass", "right-one"])
        defer { server.stop() }
        let terminal = try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--socket", server.socketPath, "--interval", "0.5"],
            environment: ["REDISCLI_AUTH": "typo", "TZ": "UTC"], columns: 160, rows: 48)
        defer { terminal.close() }
        let refused = try terminal.waitUntil(description: "the credentials refused") {
            $0.contains("rejected the credentials")
        }
        #expect(refused.contains("REDISCLI_AUTH"), "says what to do:\n\(refused)")
        #expect(!refused.contains("Waiting for the first poll"), "\(refused)")
        #expect(!refused.contains("client-side"), "no search backend is claimed before a connection:\n\(refused)")
        #expect(!refused.contains("typo"), "the password is never shown")

        // Let several failed polls grow the backoff, then make the typed password the right one.
        try terminal.waitUntil(description: "a grown backoff") { $0.contains("retry in 4s") || $0.contains("retry in 5s") }
        let admin = RedisConnection(options: RedisConnectionOptions(endpoint: server.endpoint))
        try admin.execute("CONFIG", "SET", "requirepass", "typo")
        try terminal.send(keys: "r")
        try terminal.waitUntil(description: "connected after r") {
            $0.contains("connected") && $0.contains("1 Toggles") && !$0.contains("reconnecting")
        }

        let unreachable = try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--url", "redis://127.0.0.1:1", "--interval", "0.5"],
            environment: ["TZ": "UTC"], columns: 160, rows: 48)
        defer { unreachable.close() }
        let screen = try unreachable.waitUntil(description: "the endpoint tried") { $0.contains("cannot connect to Redis at") }
        #expect(screen.contains("127.0.0.1:1"), "\(screen)")
    }
}
