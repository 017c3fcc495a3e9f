import Foundation
import TestSupport
import Testing

/// Issue 15, themes: every built-in works from any working directory, a file of one's own by
/// path, `opsdeck themes list`, and errors under the one `opsdeck:` prefix.
@Suite struct ThemeCLITests {
    /// Found: `--theme light` and `high-contrast` worked only inside the repository. Without a
    /// terminal the dashboard stops after the theme is loaded, so the terminal error (exit 1)
    /// proves the theme was found; a theme that is not found is a usage error (exit 64).
    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func builtInThemesWorkFromAnyDirectory(name: String) throws {
        let run = try OpsdeckRun.run(["dashboard", "--theme", name], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        #expect(run.stderr.contains("needs an interactive terminal"), "\(run.stderr)")
    }

    /// Found: the message started with `Error:`. Now `opsdeck:` and the closest built-in.
    @Test func unknownThemesSayWhatExists() throws {
        let run = try OpsdeckRun.run(["dashboard", "--theme", "hight-contrast"], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 64, "exit \(run.status)")
        #expect(run.stderr.hasPrefix("opsdeck: no theme named 'hight-contrast' (did you mean 'high-contrast'?)"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:"), "\(run.stderr)")
        #expect(run.stderr.contains("dark, high-contrast, light, monochrome"), "\(run.stderr)")
    }

    @Test func aThemeFileOfOnesOwn() throws {
        let directory = try ConfigCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let repoThemes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../themes")
        let mine = directory.appendingPathComponent("mine.yaml")
        try String(contentsOf: repoThemes.appendingPathComponent("light.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: light", with: "name: mine").write(to: mine, atomically: true, encoding: .utf8)
        let good = try OpsdeckRun.run(["dashboard", "--theme", mine.path])
        #expect(good.status == 1 && good.stderr.contains("needs an interactive terminal"), "\(good.allOutput)")
        try "roles: [".write(to: mine, atomically: true, encoding: .utf8)
        let bad = try OpsdeckRun.run(["dashboard", "--theme", mine.path])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("opsdeck: ") && bad.stderr.contains(mine.path), "\(bad.allOutput)")
        let missing = try OpsdeckRun.run(["dashboard", "--theme", "./nothing.yaml"])
        #expect(missing.status == 64 && missing.stderr.contains("no such file"), "\(missing.allOutput)")
    }

    @Test func themesList() throws {
        let run = try OpsdeckRun.run(["themes", "list"], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.allOutput)")
        let names = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["dark", "high-contrast", "light", "monochrome"], "\(run.stdout)")
    }
}
