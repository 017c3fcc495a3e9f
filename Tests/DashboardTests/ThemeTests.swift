import Foundation
import Testing
@testable import Dashboard

@Suite struct ThemeTests {
    static let themesDir = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes")

    @Test(arguments: ["dark", "light", "high-contrast", "monochrome"])
    func shippedThemesLoadWithEveryRole(name: String) throws {
        let theme = try ThemeLoader(environment: [:]).load(name: name)
        #expect(theme.name == name)
        #expect(theme.missingRoles.isEmpty)
        #expect(theme.styles.count == ThemeRole.allCases.count)
    }

    @Test func monochromeHasNoColours() throws {
        let theme = try ThemeLoader().loadFile(ThemeTests.themesDir.appendingPathComponent("monochrome.yaml"))
        #expect(theme.styles.values.allSatisfy { $0.fg == nil && $0.bg == nil })
        #expect(theme[.selection].isReverse)
    }

    /// themes/ is the one source of truth: every file is compiled in, byte for byte
    /// (scripts/embed-themes writes EmbeddedThemes.swift), and nothing else is.
    @Test func embeddedThemesAreExactlyTheFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ThemeTests.themesDir.path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        #expect(EmbeddedThemes.names == files, "run scripts/embed-themes")
        for name in files {
            let text = try String(contentsOf: ThemeTests.themesDir.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            #expect(EmbeddedThemes.yaml[name] == text, "\(name) differs from themes/\(name).yaml: run scripts/embed-themes")
        }
        #expect(Theme.dark.missingRoles.isEmpty)
        #expect(try ThemeLoader(environment: [:]).load(name: "dark") == Theme.dark)
        #expect(try ThemeLoader(environment: [:]).load(name: "monochrome") == Theme.monochrome)
    }

    @Test func badThemeFileGivesClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.yaml")
        try """
        name: broken
        palette:
          accent: "#12345"
        roles:
          text: { fg: purple }
          selction: { reverse: true }
          title: { fg: accent, blink: true }
        """.write(to: file, atomically: true, encoding: .utf8)
        let loader = ThemeLoader(environment: ["OPSDECK_THEMES_DIR": dir.path])
        do {
            _ = try loader.load(name: "broken")
            Issue.record("expected an error")
        } catch let error as ThemeError {
            let message = error.description
            #expect(message.contains(file.path))
            #expect(message.contains("palette 'accent': '#12345' is not a colour"))
            #expect(message.contains("role 'text': fg 'purple' is neither a palette name nor a colour"))
            #expect(message.contains("unknown role 'selction'"))
            #expect(message.contains("role 'title': unknown key 'blink'"))
            #expect(message.contains("missing roles: muted, border"))
        }

        try "roles: [unclosed".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ThemeError.self) { try loader.loadFile(file) }
        do { _ = try loader.loadFile(file) } catch { #expect("\(error)".contains("broken.yaml")) }

        try "roles:\n  text: { bold: maybe }\n".write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try loader.loadFile(file)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("roles.text.bold"))
        }
    }

    @Test func unknownThemeNameListsWhereItLooked() {
        let loader = ThemeLoader(environment: ["OPSDECK_THEMES_DIR": "/tmp/no-such-themes"])
        #expect(throws: ThemeError.notFound(name: "solarized", searched: loader.candidates(for: "solarized").map(\.path))) {
            try loader.load(name: "solarized")
        }
        #expect(loader.candidates(for: "x").first?.path == "/tmp/no-such-themes/x.yaml")
    }

    @Test func colourParsing() {
        #expect(Color(parsing: "bright-red") == .brightRed)
        #expect(Color(parsing: "brightBlue") == .brightBlue)
        #expect(Color(parsing: "208") == .indexed(208))
        #expect(Color(parsing: "#ff8000") == .rgb(255, 128, 0))
        #expect(Color(parsing: "default") == .default)
        #expect(Color(parsing: "256") == nil)
        #expect(Color(parsing: "purple") == nil)
    }

    @Test func colourDegradation() {
        #expect(ColorDepth(colorCount: 256) == .full)
        #expect(ColorDepth(colorCount: 16) == .sixteen)
        #expect(ColorDepth(colorCount: 8) == .eight)
        #expect(ColorDepth(colorCount: 256, noColor: true) == .none)
        #expect(ColorDepth(colorCount: 0) == .none)

        #expect(Color.indexed(196).degraded(to: .full) == .indexed(196))
        #expect(Color.indexed(196).degraded(to: .sixteen) == .brightRed)
        #expect(Color.indexed(196).degraded(to: .eight) == .red)
        #expect(Color.rgb(0, 0, 230).degraded(to: .sixteen) == .blue)
        #expect(Color.indexed(244).degraded(to: .sixteen) == .brightBlack)
        #expect(Color.indexed(3).degraded(to: .sixteen) == .yellow)
        #expect(Color.default.degraded(to: .eight) == .default)
        #expect(Color.red.degraded(to: .none) == nil)

        let style = Style(fg: .brightRed, bg: .indexed(21), underline: true)
        #expect(style.degraded(to: .sixteen) == Style(fg: .brightRed, bg: .blue, underline: true))
        #expect(style.degraded(to: .eight) == Style(fg: .red, bg: .blue, bold: true, underline: true))
        #expect(style.degraded(to: .none) == Style(underline: true, reverse: true))
        #expect(Style(fg: .red, bold: true).degraded(to: .none) == Style(bold: true))
        // Same colour for text and background after degrading: text must not vanish.
        #expect(Style(fg: .brightBlue, bg: .blue).degraded(to: .eight).isReverse)
    }

    @Test func degradedThemeKeepsMeaningWithoutColour() {
        let plain = Theme.dark.degraded(to: .none)
        #expect(plain[.selection].isReverse)
        #expect(plain[.badgeReadOnly].isReverse && plain[.badgeReadOnly].isBold)
        #expect(plain.styles.values.allSatisfy { $0.fg == nil && $0.bg == nil })
    }
}
