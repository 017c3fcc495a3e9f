import Foundation
import TestSupport
import Testing

/// Issue 25: the `:` history, a pane's filter history and saved filters survive a restart
/// (kept under $XDG_STATE_HOME/opsdeck, per context); a corrupt, unreadable or unwritable
/// state file is said on screen and loses nothing else. One server for the suite's tests.
@Suite(.serialized) struct RememberedInputEndToEndTests {
    private func stateFolder() throws -> URL {
        let base = ProcessInfo.processInfo.environment["OPSDECK_TEST_ROOT"] ?? NSTemporaryDirectory()
        let folder = URL(fileURLWithPath: base).appendingPathComponent("opsdeck-state-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func dashboard(_ harness: DashboardHarness, state: URL) throws -> TerminalSession {
        try TerminalSession(
            command: [DashboardHarness.binary, "dashboard", "--socket", harness.server.socketPath, "--interval", "0.5"],
            environment: ["TZ": "UTC", "USER": "e2e", "OPSDECK_URL": "", "XDG_STATE_HOME": state.path], columns: 120, rows: 40)
    }

    @Test func historyAndSavedFiltersSurviveARestartAndBrokenFilesAreSaid() throws {
        let state = try stateFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        let harness = try DashboardHarness(columns: 120, rows: 40, environment: ["XDG_STATE_HOME": state.path])
        defer { harness.close() }
        let first = harness.terminal
        try first.waitFor("fraudScoringV2")
        try first.send(keys: "/", "fraud", "Enter")
        try first.send(keys: ":", "save fr", "Enter")
        try first.waitFor("Saved fr: fraud (toggles)")
        try first.send(keys: ":", "since 2h", "Enter")
        try first.waitFor("Time window: last 2h")
        try first.send(keys: ":", "q", "Enter")
        #expect(eventually { !first.isRunning })
        let file = state.appendingPathComponent("opsdeck/history-default.json")
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("since 2h") && written.contains("\"fraud\""), "\(written)")

        // A restart: ↑ in the prompt recalls the commands, Ctrl-P in the filter the filter.
        let second = try dashboard(harness, state: state)
        defer { second.close() }
        try second.waitFor("fraudScoringV2")
        try second.send(keys: ":", "Up", "Up")
        try second.waitFor(":since 2h")
        try second.send(keys: "Escape", "/", "C-p")
        try second.waitFor("/ fraud")
        try second.send(keys: "Escape", ":", "filters", "Enter")
        try second.waitFor("Saved: fr (toggles)")
        try second.send(keys: ":", "q", "Enter")
        #expect(eventually { !second.isRunning })

        // Not valid JSON: said, kept aside whole, and the dashboard starts afresh.
        try Data("{not json".utf8).write(to: file)
        let third = try dashboard(harness, state: state)
        defer { third.close() }
        try third.waitFor("History file not valid: kept as history-default.json.corrupt")
        #expect(try String(contentsOf: file.appendingPathExtension("corrupt"), encoding: .utf8) == "{not json")
        try third.send(keys: ":", "q", "Enter")
        #expect(eventually { !third.isRunning })

        // Unreadable (a folder where the file should be): said, never overwritten.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        let fourth = try dashboard(harness, state: state)
        defer { fourth.close() }
        try fourth.waitFor("History not kept this time: cannot read")
        try fourth.send(keys: ":", "toggles", "Enter", ":", "q", "Enter")
        #expect(eventually { !fourth.isRunning })
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test func anUnwritableStateFolderIsSaidOnceAndTheDashboardGoesOn() throws {
        let state = try stateFolder()
        defer { try? FileManager.default.removeItem(at: state) }
        // A file where the folder should be: no write can succeed, even as root.
        try Data("x".utf8).write(to: state.appendingPathComponent("opsdeck"))
        let harness = try DashboardHarness(columns: 120, rows: 40, environment: ["XDG_STATE_HOME": state.path])
        defer { harness.close() }
        try harness.terminal.waitFor("fraudScoringV2")
        try harness.terminal.send(keys: ":", "errors", "Enter")
        try harness.terminal.waitFor("Cannot save history (")
        // Said once: the next command's own message is not pushed aside by it.
        try harness.terminal.send(keys: ":", "sesions", "Enter")
        try harness.terminal.waitFor("Unknown command :sesions")
        try harness.terminal.send(keys: ":", "q", "Enter")
        #expect(eventually { !harness.terminal.isRunning })
    }
}
