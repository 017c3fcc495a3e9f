import Foundation
import TestSupport

/// The deterministic demo (its own redis-server under a fresh temp folder) in a tmux terminal of
/// the given size, waited on until its data shows. The caller closes the terminal and removes
/// the folder (`close`). For the end-to-end tests of what a person does on the dashboard.
struct DemoTerminal {
    let terminal: TerminalSession
    let folder: URL

    init(columns: Int, rows: Int, name: String, environment: [String: String] = [:]) throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("opsdeck-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        terminal = try TerminalSession(
            command: [DashboardHarness.binary, "demo", "--deterministic", "--no-activity"],
            environment: environment.merging(["OPSDECK_TEST_ROOT": folder.path]) { _, own in own }, columns: columns, rows: rows)
        do {
            try terminal.waitUntil(description: "the demo with its data") { $0.contains("connected") && $0.contains("accountDeletionFlow") }
        } catch {
            close()
            throw error
        }
    }

    func close() {
        terminal.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
