import Foundation
import Testing

/// The README is a front door (issue 27): short, and its first screen says how to install
/// opsdeck and point it at a Redis. The rest lives in docs/ (checked by DocsLinksTests).
@Suite struct ReadmeFrontDoorTests {
    static func readme() throws -> [Substring] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    }

    @Test func isShort() throws {
        let lines = try Self.readme()
        #expect(lines.count <= 250, "README.md has \(lines.count) lines; move detail into a docs/ page")
    }

    @Test func firstScreenInstallsAndConnects() throws {
        let first = try Self.readme().prefix(40).joined(separator: "\n")
        for needed in [
            "apt install ./opsdeck_", "tar -xzf opsdeck-", "scripts/install", "--url redis://",
            "REDISCLI_AUTH=", "rediss://", "--context ",
        ] {
            #expect(first.contains(needed), "README's first 40 lines lack \(needed)")
        }
    }
}
