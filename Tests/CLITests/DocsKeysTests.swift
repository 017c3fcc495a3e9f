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
