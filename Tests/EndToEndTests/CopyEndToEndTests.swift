import Foundation
import TestSupport
import Testing

/// Issue 25's copy in a real terminal: `y` in the demo writes the OSC 52 sequence for the
/// selected toggle to the terminal (seen raw through tmux `pipe-pane`) and says what it copied.
@Suite(.serialized) struct CopyEndToEndTests {
    @Test func yWritesOSC52ForTheSelectedToggle() throws {
        let demo = try DemoTerminal(columns: 120, rows: 40, name: "copy")
        defer { demo.close() }
        let (terminal, folder) = (demo.terminal, demo.folder)
        let log = folder.appendingPathComponent("output.raw").path
        try terminal.recordOutput(to: log)
        try terminal.send(keys: "y")
        try terminal.waitFor("copied accountDeletionFlow (19 bytes)")
        let expected = Array(("\u{1B}]52;c;" + Data("accountDeletionFlow".utf8).base64EncodedString() + "\u{07}").utf8)
        let seen = eventually {
            guard let bytes = FileManager.default.contents(atPath: log) else { return false }
            return Array(bytes).firstRange(of: expected) != nil
        }
        #expect(
            seen,
            "the OSC 52 sequence in the raw output: \(String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self).debugDescription)"
        )
        try terminal.send(keys: "q")
        #expect(eventually { !terminal.isRunning })
    }
}
