import Foundation

/// A small file opsdeck keeps for itself between runs (the dashboard's column choice), under
/// the XDG state directory: `$XDG_STATE_HOME/opsdeck/NAME`, else `~/.local/state/opsdeck/NAME`.
/// State, not config: it is written by the program, never by hand, and losing it costs only a
/// preference, so it stays out of the config file the person edits. Stateless; thread-safe
/// (each call reads or replaces the whole file; the write goes through a rename).
public struct StateFile: Sendable {
    public let path: String?

    /// The file `name` in the state directory `environment` names; nil path when neither
    /// XDG_STATE_HOME (absolute) nor HOME is set: then nothing is read or written.
    public init(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        path = Self.directory(environment).map { $0 + "/" + name }
    }

    /// opsdeck's state directory, the one rule every remembered file follows:
    /// `$XDG_STATE_HOME/opsdeck` when set to an absolute path (the XDG spec ignores a relative
    /// one), else `$HOME/.local/state/opsdeck`; nil when neither names an absolute folder.
    public static func directory(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/opsdeck" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/opsdeck" }
        return nil
    }

    /// The stored value; nil when there is none or it cannot be read as `T` (an old or damaged
    /// file is a lost preference, never a reason not to start).
    public func load<T: Decodable>(_ type: T.Type) -> T? {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(T.self, from: data)
    }

    /// Replaces the stored value, creating the folder (mode 0700) when needed.
    public func save<T: Encodable>(_ value: T) throws {
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(value).write(to: url, options: .atomic)
    }
}
