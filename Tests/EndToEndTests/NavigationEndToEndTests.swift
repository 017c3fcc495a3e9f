import Foundation
import TestSupport
import Testing

/// Issue 25 in a real terminal: the demo (its own private redis-server on a Unix socket in a
/// temp folder, stopped when it quits) driven through tmux as a new user would.
@Suite(.serialized) struct NavigationEndToEndTests {
    private func startDemo(columns: Int, rows: Int) throws -> (TerminalSession, URL) {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("opsdeck-nav-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let terminal = try TerminalSession(
            command: [DashboardHarness.binary, "demo", "--deterministic", "--no-activity"],
            environment: ["OPSDECK_TEST_ROOT": folder.path], columns: columns, rows: rows)
        try terminal.waitUntil(description: "the demo with its data") { $0.contains("connected") && $0.contains("accountDeletionFlow") }
        return (terminal, folder)
    }

    /// Bugs 1 and 2: `:` opens a command line that jumps and suggests; the hint row names
    /// e, x and [/] at 120x40.
    @Test func commandLineAndHintRowAt120x40() throws {
        let (terminal, folder) = try startDemo(columns: 120, rows: 40)
        defer {
            terminal.close()
            try? FileManager.default.removeItem(at: folder)
        }
        let first = terminal.screen()
        for needle in ["e its errors", "x export", "[/] window", ": command", "? help"] {
            #expect(first.contains(needle), "\(needle) in the hint row:\n\(first)")
        }
        try terminal.send(keys: ":", "sesions", "Enter")
        try terminal.waitFor("Unknown command :sesions — did you mean 'sessions'?")
        try terminal.send(keys: ":", "tog", "Tab", "fraud", "Tab")
        try terminal.waitFor(":toggle fraudScoringV2")
        try terminal.send(keys: "Enter", "Enter")
        try terminal.waitFor("1 Toggle fraudScoringV2")
        try terminal.send(keys: ":", "q", "Enter")
        #expect(eventually { !terminal.isRunning }, ":q quits")
    }

    /// Bug 3: at 120x40 no toggle name is cut while other columns can give; bug 6: O reverses.
    @Test func namesWholeAndSortShownAt120x40() throws {
        let (terminal, folder) = try startDemo(columns: 120, rows: 40)
        defer {
            terminal.close()
            try? FileManager.default.removeItem(at: folder)
        }
        let screen = terminal.screen()
        for name in ["accountDeletionFlow", "addressAutocomplete", "fraudScoringV2"] {
            #expect(screen.contains(name + " "), "\(name) whole:\n\(screen)")
        }
        #expect(screen.contains("Name▲"))
        try terminal.send(keys: "O")
        try terminal.waitFor("Name▼")
        try terminal.waitFor("by name, reversed")
        try terminal.send(keys: "q")
        #expect(eventually { !terminal.isRunning })
    }
    /// Back and forward: `e` jumps from a toggle to its errors; Ctrl-O returns to the Toggles
    /// pane with the same toggle selected (Enter opens it), Ctrl-N goes forward again.
    @Test func backAndForwardAfterAJump() throws {
        let (terminal, folder) = try startDemo(columns: 120, rows: 40)
        defer {
            terminal.close()
            try? FileManager.default.removeItem(at: folder)
        }
        try terminal.send(keys: ":", "toggle fraudScoringV2", "Enter")
        try terminal.waitUntil(description: "the toggle selected, Toggles focused") { $0.contains("Space flip") }
        try terminal.send(keys: "e")
        try terminal.waitUntil(description: "its errors, the Errors pane focused") {
            !$0.contains("Space flip") && $0.contains("fraudScoringV2")
        }
        try terminal.send(keys: "C-o")
        try terminal.waitUntil(description: "back in the Toggles pane") { $0.contains("Space flip") }
        try terminal.send(keys: "Enter")
        try terminal.waitFor("1 Toggle fraudScoringV2")
        try terminal.send(keys: "Escape")
        try terminal.waitUntil(description: "the detail closed") { !$0.contains("1 Toggle fraudScoringV2") }
        try terminal.send(keys: "C-n")
        try terminal.waitUntil(description: "forward to the errors again") { !$0.contains("Space flip") }
        try terminal.send(keys: "q")
        #expect(eventually { !terminal.isRunning })
    }
}
