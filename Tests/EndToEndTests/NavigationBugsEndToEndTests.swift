import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 25, bugs 4, 5 and 7 as a person meets them, in a real terminal (tmux) with the real
/// binary. Bugs 5 and 7 share one server: a big keyspace whose walk takes a while, toggles and
/// sessions found in no order, and a toggle flipped with a long reason.
@Suite(.serialized) struct NavigationBugsEndToEndTests {
    /// Bug 4: `opsdeck keys` at 80 columns never runs a context into its keys ("Toggles
    /// paneSpace", "Errors searcEnter" before the fix): each row is a whole context name, two
    /// spaces, then the keys.
    @Test func keysListingKeepsTheContextWhole() throws {
        let markdown = try OpsdeckRun.run(["keys", "--markdown"])
        let contexts = Set(
            markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Where") }
                .compactMap { $0.split(separator: "|").first.map { $0.trimmingCharacters(in: .whitespaces) } })
        #expect(contexts.contains("Toggles pane") && contexts.contains("Errors search field"), "\(contexts)")
        let terminal = try TerminalSession(command: [DashboardHarness.binary, "keys"], columns: 80, rows: 90)
        defer { terminal.close() }
        #expect(eventually { !terminal.isRunning })
        let rows = terminal.screen().split(separator: "\n").map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(rows.count >= contexts.count, "\(rows)")
        for row in rows {
            let whole = contexts.contains { row.hasPrefix($0 + "  ") }
            #expect(whole, "the context cut or run into the keys: \(row)")
        }
    }

    /// Bug 7: while discovery walks a big keyspace and finds smaller names, the view does not
    /// scroll by itself: the Toggles pane stays at `1–…` until a key is pressed. Bug 5: the
    /// audit reason, longer than the detail at 120 columns, is readable whole (wrapped).
    @Test func noScrollingDuringDiscoveryAndTheWholeReason() throws {
        let server = try RedisServerProcess()
        defer { server.shutdown() }
        let redis = try server.connect()
        // 300,000 plain keys for the walk to get through, then toggles and sessions whose
        // names come in no order (hex of a hash), so smaller ones keep turning up.
        for batch in 0..<300 {
            var arguments: [String] = ["MSET"]
            for i in 0..<1_000 { arguments += ["filler:\(batch):\(i)", "x"] }
            _ = try redis.execute(RedisCommand(arguments[0], Array(arguments.dropFirst())))
        }
        var commands: [RedisCommand] = []
        for i in 0..<2_000 {
            let name = String(format: "%08x", UInt32(truncatingIfNeeded: (i &* 2_654_435_761) ^ 0x5bd1_e995))
            commands.append(RedisCommand("HSET", "t\(name)", "toggle", i % 2 == 0 ? "True" : "False"))
            commands.append(RedisCommand("HSET", "session:\(name)", "authType", "email"))
        }
        try ReplyFailure.check(try redis.send(commands))
        try redis.execute("HSET", "aaaReasonedToggle", "toggle", "True")
        let reason =
            "Rolled back after checkout errors rose sharply in eu-west; waiting for the payments team to confirm "
            + "the fix in release 2.5.1 before turning it on again, see ticket INC-4242 ENDOFREASON"
        _ = try ToggleStore.flip(OpsEnvironment(redis: redis, actor: "priya"), name: "aaaReasonedToggle", to: false, reason: reason)

        let terminal = try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--socket", server.socketPath, "--interval", "0.5"],
            environment: ["TZ": "UTC", "USER": "e2e", "OPSDECK_URL": ""], columns: 200, rows: 56)
        defer { terminal.close() }
        var duringDiscovery: [String] = []
        var moved: String?
        _ = eventually {
            let screen = terminal.screen()
            // The pane's title (wide enough at 200 columns to show its position `1–49 of 650`).
            let line = screen.split(separator: "\n").first { $0.contains("┌ 1 Toggles") }.map(String.init) ?? ""
            let title = line.components(separatedBy: "┐┌").first ?? line
            let position = title.range(of: #"[\d,]+–[\d,]+ of"#, options: .regularExpression).map { String(title[$0]) }
            guard title.contains("discovering…") else { return !duringDiscovery.isEmpty && position != nil }
            guard let position else { return false }
            duringDiscovery.append(title)
            if !position.hasPrefix("1–") { moved = moved ?? screen }
            return false
        }
        #expect(duringDiscovery.count >= 2, "the walk ended before two screens with a position: nothing was checked")
        #expect(moved == nil, "the view scrolled by itself during discovery:\n\(moved ?? "")")
        let settled = terminal.screen()
        #expect(settled.contains("1–"), "after discovery, still at the first row:\n\(settled)")

        // Bug 5, at 120 columns: the reason, wrapped in the detail, not cut.
        try terminal.resize(columns: 120, rows: 40)
        try terminal.send(keys: ":", "toggle aaaReasonedToggle", "Enter", "Enter")
        let detail = try terminal.waitUntil(description: "the detail with its audit trail") {
            $0.contains("1 Toggle aaaReasonedToggle") && $0.contains("priya")
        }
        let flat = detail.split(separator: "\n").joined(separator: " ").replacingOccurrences(of: "│", with: " ")
        let words = flat.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "“”")) }
        for word in ["INC-4242", "ENDOFREASON", "eu-west;", "2.5.1"] {
            #expect(words.contains(word), "\(word) of the reason on screen:\n\(detail)")
        }
        try terminal.send(keys: ":", "q", "Enter")
        #expect(eventually { !terminal.isRunning })
    }
}
