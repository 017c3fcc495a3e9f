import Foundation

/// Finds and loads a theme by name or path. Stateless; call it once at start-up.
///
/// Search order for a name: the explicit path if given, `$OPSDECK_THEMES_DIR/<name>.yaml`,
/// `<executable dir>/../../themes/<name>.yaml` (a SwiftPM build tree inside the repo),
/// `./themes/<name>.yaml`, then the built-in copies of `dark` and `monochrome`. A name that
/// contains `/` or ends in `.yaml` is a path.
public struct ThemeLoader: Sendable {
    public var environment: [String: String]
    public var executableURL: URL?
    public var currentDirectory: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executableURL: URL? = Bundle.main.executableURL,
                currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.environment = environment
        self.executableURL = executableURL
        self.currentDirectory = currentDirectory
    }

    public static let defaultName = "dark"

    /// The places looked at for `name`, in order.
    public func candidates(for name: String) -> [URL] {
        let file = "\(name).yaml"
        var dirs: [URL] = []
        if let dir = environment["OPSDECK_THEMES_DIR"], !dir.isEmpty { dirs.append(URL(fileURLWithPath: dir)) }
        if let exe = executableURL?.resolvingSymlinksInPath() {
            dirs.append(exe.deletingLastPathComponent().appendingPathComponent("../../themes").standardizedFileURL)
        }
        dirs.append(currentDirectory.appendingPathComponent("themes"))
        return dirs.map { $0.appendingPathComponent(file) }
    }

    /// Loads a theme. `path` (e.g. from `--theme-file`) wins over `name` and must exist.
    public func load(name: String = ThemeLoader.defaultName, path: String? = nil) throws -> Theme {
        if let path { return try loadFile(URL(fileURLWithPath: path)) }
        if name.contains("/") || name.hasSuffix(".yaml") { return try loadFile(URL(fileURLWithPath: name)) }
        let urls = candidates(for: name)
        for url in urls where FileManager.default.fileExists(atPath: url.path) {
            return try loadFile(url)
        }
        switch name {
        case "dark": return Theme.dark
        case "monochrome": return Theme.monochrome
        default: throw ThemeError.notFound(name: name, searched: urls.map(\.path))
        }
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
