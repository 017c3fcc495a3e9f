import Foundation
import Testing
import TestSupport

/// The README's keys table is generated; this keeps it from drifting from the keymap.
@Suite struct ReadmeKeysTests {
    @Test func readmeKeysTableIsWhatTheBinaryGenerates() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let run = try OpsdeckRun.run(["keys", "--markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        let table = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(table.contains("| Wrap long lines |") || table.contains("Wrap long lines"))
        #expect(text.contains(table), "README's keys table differs from `opsdeck keys --markdown`; paste its output into README.md")
    }
}
