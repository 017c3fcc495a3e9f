import Foundation

/// Finds and loads a theme by name or path. Stateless; call it once at start-up.
///
/// A name is a built-in theme (every file of the repository's themes/, compiled in by
/// scripts/embed-themes), so it works from any working directory and after installation.
/// `$OPSDECK_THEMES_DIR/<name>.yaml`, when that is set and the file exists, comes first (for
/// working on a theme without rebuilding). A name that contains `/` or ends in `.yaml`/`.yml`
/// is a path to a theme file of one's own.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public static let defaultName = "dark"

    /// The built-in theme names, sorted.
    public static var builtInNames: [String] { EmbeddedThemes.names }

    /// True when `text` names a file rather than a theme.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    /// The files looked at for `name` before the built-in themes.
    public func candidates(for name: String) -> [URL] {
        guard let dir = environment["OPSDECK_THEMES_DIR"], !dir.isEmpty else { return [] }
        return [URL(fileURLWithPath: dir).appendingPathComponent("\(name).yaml")]
    }

    /// Loads a theme. `path` wins over `name` and must exist.
    public func load(name: String = ThemeLoader.defaultName, path: String? = nil) throws -> Theme {
        if let path { return try loadFile(URL(fileURLWithPath: path)) }
        if Self.isPath(name) { return try loadFile(URL(fileURLWithPath: name)) }
        let urls = candidates(for: name)
        for url in urls where FileManager.default.fileExists(atPath: url.path) {
            return try loadFile(url)
        }
        guard let yaml = EmbeddedThemes.yaml[name] else {
            throw ThemeError.notFound(name: name, searched: urls.map(\.path))
        }
        return try ThemeParser.parse(yaml: yaml, source: "built-in theme \(name)")
    }

    public func loadFile(_ url: URL) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "not readable UTF-8 text" : "no such file"
            throw ThemeError.unreadable(source: url.path, reason: reason)
        }
        return try ThemeParser.parse(yaml: text, source: url.path)
    }
}
