import Foundation
import Testing
import TestSupport

/// docs/keys.md is generated; this keeps it from drifting from the keymap.
@Suite struct DocsKeysTests {
    @Test func keysPageIsWhatTheBinaryGenerates() throws {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let run = try OpsdeckRun.run(["keys", "--markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        let table = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(table.contains("| Wrap long lines |") || table.contains("Wrap long lines"))
        #expect(text.contains(table + "\n"), "docs/keys.md differs from `opsdeck keys --markdown`; paste its output into docs/keys.md")
        // Every row of the page is one the binary generates: a key removed from the keymap must go.
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == table.split(separator: "\n").count, "docs/keys.md has rows the keymap does not")
    }
}

/// Issue 25, bug 4: the plain listing keeps its columns apart ("Toggles paneSpace" was cut).
@Suite struct KeysListingTests {
    @Test func plainListingNeverRunsTheContextIntoTheKeys() throws {
        let run = try OpsdeckRun.run(["keys"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Toggles pane  ") && $0.contains("Space") })
        #expect(!run.stdout.contains("Toggles paneSpace"))
        #expect(!run.stdout.contains("Errors search fEnter"))
        for title in ["Errors search field", "Confirmation dialog", "Everywhere"] {
            #expect(lines.contains { $0.hasPrefix(title + "  ") }, "\(title) is cut or runs into its keys")
        }
    }
}
