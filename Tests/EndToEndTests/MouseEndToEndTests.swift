import Foundation
import TestSupport
import Testing

/// Issue 25, mouse, in a real terminal: the demo under tmux gets the bytes a terminal sends for
/// clicks and wheel notches (xterm's SGR mouse report, `ESC [ < button ; column ; row M`, which
/// ncurses asks for with TERM=xterm-256color), typed into the pane with `send-keys -l`.
@Suite(.serialized) struct MouseEndToEndTests {
    /// A press then a release of the main button at the 0-based cell (x, y).
    private func click(_ terminal: TerminalSession, x: Int, y: Int) throws {
        try terminal.send(keys: "\u{1b}[<0;\(x + 1);\(y + 1)M\u{1b}[<0;\(x + 1);\(y + 1)m")
    }

    /// One notch of the wheel (button 64 up, 65 down) at (x, y).
    private func wheel(_ terminal: TerminalSession, down: Bool, x: Int, y: Int) throws {
        try terminal.send(keys: "\u{1b}[<\(down ? 65 : 64);\(x + 1);\(y + 1)M")
    }

    /// The 0-based row and column where `text` is on `screen`.
    private func position(of text: String, in screen: String) -> (x: Int, y: Int)? {
        for (y, line) in screen.components(separatedBy: "\n").enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        return nil
    }

    @Test func clicksSelectAndSwitchAndTheWheelScrollsAt120x40() throws {
        let demo = try DemoTerminal(columns: 120, rows: 40, name: "mouse")
        defer { demo.close() }
        let terminal = demo.terminal
        let first = try terminal.waitUntil(description: "the session rows") { $0.contains("session:") }
        // The fifth session row, in the right-hand pane while Toggles has the focus.
        let rows = first.components(separatedBy: "\n")
        let sessionRows = rows.enumerated().filter { $0.element.contains("│session:") }
        try #require(sessionRows.count > 12, "session rows on screen:\n\(first)")
        let (y, line) = sessionRows[4]
        let key = String(line[line.range(of: "session:")!.lowerBound...].prefix { $0 != " " })
        let x = try #require(position(of: key, in: first)).x
        try click(terminal, x: x + 3, y: y)
        // Enter opens what the click selected, in the pane the click focused.
        try terminal.send(keys: "Enter")
        try terminal.waitFor("2 Session \(key)")
        try terminal.send(keys: "Escape")
        try terminal.waitUntil(description: "the session list back") { !$0.contains("2 Session session:") }

        // Two wheel notches down over the list: six rows further.
        try wheel(terminal, down: true, x: x + 3, y: y)
        try wheel(terminal, down: true, x: x + 3, y: y)
        let tenth = sessionRows[10].element
        let tenthKey = String(tenth[tenth.range(of: "session:")!.lowerBound...].prefix { $0 != " " })
        try terminal.send(keys: "Enter")
        try terminal.waitFor("2 Session \(tenthKey)")
        try terminal.send(keys: "Escape")

        // A click on a tab switches to it (Errors sits with Logs in the pair).
        let tab = try #require(position(of: "3 Errors", in: terminal.screen()))
        try click(terminal, x: tab.x + 1, y: tab.y)
        try terminal.waitUntil(description: "the Errors pane beside Logs") { $0.contains("┌ 3 Errors") && $0.contains("┌ 4 Logs") }
        try terminal.send(keys: "q")
        #expect(eventually { !terminal.isRunning }, "q quits after mouse input")
    }
}

/// Issue 25, columns: a column hidden with `:columns` stays hidden in the next run (the choice
/// is kept under XDG_STATE_HOME, here a temp folder).
@Suite(.serialized) struct ColumnChooserEndToEndTests {
    @Test func aHiddenColumnIsRememberedAcrossRuns() throws {
        let state = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("opsdeck-cols-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let first = try DemoTerminal(columns: 120, rows: 40, name: "cols", environment: ["XDG_STATE_HOME": state.path])
        defer { first.close() }
        /// The Toggles header row (the left pane's half of the line).
        func header(_ screen: String) -> String {
            let line = screen.components(separatedBy: "\n").first { $0.contains("Name▲") } ?? ""
            return String(line.prefix { $0 != "┐" && $0 != "┌" }.split(separator: "│").first ?? "")
        }
        #expect(header(first.terminal.screen()).contains(" State "))
        try first.terminal.send(keys: ":", "columns state", "Enter")
        try first.terminal.waitFor("State hidden")
        try first.terminal.waitUntil(description: "the header without State") { !header($0).isEmpty && !header($0).contains("State") }
        try first.terminal.send(keys: "q")
        #expect(eventually { !first.terminal.isRunning })
        #expect(FileManager.default.fileExists(atPath: state.path + "/opsdeck/columns.json"))

        let second = try DemoTerminal(columns: 120, rows: 40, name: "cols", environment: ["XDG_STATE_HOME": state.path])
        defer { second.close() }
        let screen = second.terminal.screen()
        #expect(!header(screen).isEmpty && !header(screen).contains("State"), "State stays hidden:\n\(screen)")
        try second.terminal.send(keys: "q")
    }
}
