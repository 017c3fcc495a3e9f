import Foundation
import Testing

/// The README and the docs/ pages are navigated by their links: every relative link (and image)
/// must lead to a file the repository holds, and an anchor to a heading of that page. Paths
/// cited in code spans (`scripts/package`, `Sources/…`) must exist too, so no page cites a file
/// the repository does not hold. Pure file reading; no server.
@Suite struct DocsLinksTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// README.md, CHANGELOG.md and every Markdown page under docs/.
    static func pages() throws -> [URL] {
        let docs = root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("CHANGELOG.md")]
            + names.map { docs.appendingPathComponent($0) }
    }

    @Test func everyRelativeLinkResolves() throws {
        var broken: [String] = []
        var checked = 0
        for page in try Self.pages() {
            let text = try String(contentsOf: page, encoding: .utf8)
            for target in MarkdownLinks.targets(in: text) where !MarkdownLinks.isExternal(target) {
                checked += 1
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file =
                    parts[0].isEmpty
                    ? page
                    : page.deletingLastPathComponent().appendingPathComponent(parts[0])
                        .standardizedFileURL
                guard FileManager.default.fileExists(atPath: file.path) else {
                    broken.append("\(page.lastPathComponent): \(target) (no such file)")
                    continue
                }
                if parts.count == 2, file.pathExtension == "md" {
                    let anchors = MarkdownLinks.anchors(in: try String(contentsOf: file, encoding: .utf8))
                    if !anchors.contains(parts[1]) {
                        broken.append("\(page.lastPathComponent): \(target) (no heading with that anchor)")
                    }
                }
            }
        }
        #expect(checked > 40, "found only \(checked) links: is the link pattern still right?")
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test func everyCitedRepositoryPathExists() throws {
        var missing: [String] = []
        for page in try Self.pages() {
            let text = try String(contentsOf: page, encoding: .utf8)
            for path in MarkdownLinks.citedPaths(in: text) {
                if !FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path) {
                    missing.append("\(page.lastPathComponent): `\(path)`")
                }
            }
        }
        #expect(missing.isEmpty, "pages cite files the repository does not hold:\n\(missing.joined(separator: "\n"))")
    }

    /// The checker itself: a broken link and a wrong anchor are found, GitHub's anchors are made.
    @Test func theCheckerFindsWhatItShould() {
        let text =
            "# A Title (TLS, `x`)\n[a](b.md) ![i](c.png) [web](https://x.y) `[no](code.md)`\n```\n[no](fence.md)\n## Not a heading\n```\n## Two\n"
        #expect(MarkdownLinks.targets(in: text) == ["b.md", "c.png", "https://x.y"])
        #expect(MarkdownLinks.anchors(in: text) == ["a-title-tls-x", "two"])
        #expect(
            MarkdownLinks.citedPaths(in: "see `scripts/package` and `docs/x.md`, not `scripts/*` or `Sources/<m>`")
                == ["scripts/package", "docs/x.md"])
    }
}

/// Reads links, headings and cited paths out of Markdown, skipping code (fences and spans for
/// links; fences only for cited paths, which live in spans).
enum MarkdownLinks {
    static func isExternal(_ target: String) -> Bool {
        target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("mailto:")
    }

    /// Lines outside ``` fences.
    static func prose(_ text: String) -> [String] {
        var inFence = false
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inFence.toggle()
                continue
            }
            if !inFence { lines.append(String(line)) }
        }
        return lines
    }

    static func targets(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        var result: [String] = []
        for line in prose(text) {
            let withoutSpans = line.replacingOccurrences(of: #"`[^`]*`"#, with: "", options: .regularExpression)
            let range = NSRange(withoutSpans.startIndex..., in: withoutSpans)
            for match in pattern.matches(in: withoutSpans, range: range) {
                result.append(String(withoutSpans[Range(match.range(at: 1), in: withoutSpans)!]))
            }
        }
        return result
    }

    /// GitHub's anchors: lowercased, punctuation other than `-` and `_` dropped, spaces as `-`,
    /// a repeated heading numbered.
    static func anchors(in text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var result: Set<String> = []
        for line in prose(text) where line.hasPrefix("#") {
            let title = line.drop(while: { $0 == "#" })
            guard title.first == " " else { continue }
            let slug = String(
                title.trimmingCharacters(in: .whitespaces).lowercased().unicodeScalars.compactMap { scalar -> Character? in
                    if scalar == " " { return "-" }
                    if scalar == "-" || scalar == "_" || CharacterSet.alphanumerics.contains(scalar) { return Character(scalar) }
                    return nil
                })
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            result.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return result
    }

    /// Repository paths in code spans: `scripts/…`, `Sources/…`, `Tests/…`, `docs/…`, `themes/…`,
    /// `screenshots/…`, `.ci/…`; globs, placeholders and options are not paths.
    static func citedPaths(in text: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"`((?:scripts|Sources|Tests|docs|themes|screenshots|\.ci)/[^`\s]*)`"#)
        var result: [String] = []
        for line in prose(text) {
            let range = NSRange(line.startIndex..., in: line)
            for match in pattern.matches(in: line, range: range) {
                let path = String(line[Range(match.range(at: 1), in: line)!])
                if path.contains("*") || path.contains("<") || path.contains("…") || path.hasSuffix("/") { continue }
                result.append(path)
            }
        }
        return result
    }
}
