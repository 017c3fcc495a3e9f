import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small file opsdeck keeps for itself between runs (the dashboard's column choice), under
/// the XDG state directory: `$XDG_STATE_HOME/opsdeck/NAME`, else `~/.local/state/opsdeck/NAME`.
/// State, not config: it is written by the program, never by hand, and losing it costs only a
/// preference, so it stays out of the config file the person edits. Stateless; thread-safe
/// (each call reads or replaces the whole file; the write goes through a rename). `write` and
/// `read` are the one writer and reader of every file opsdeck keeps for itself (the column
/// choice here, the remembered input in `DashboardStateFile`).
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

    /// Replaces the stored value, creating the folder (mode 0700) when needed; throws what
    /// failed (`write`).
    public func save<T: Encodable>(_ value: T) throws {
        guard let path else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        if let failure = Self.write(try encoder.encode(value), to: URL(fileURLWithPath: path)) { throw Failure(failure) }
    }

    /// What a write could not do, in words.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// An errno and what it means.
    public struct PosixFailure: Error {
        public let code: Int32
        public init(code: Int32) { self.code = code }
        public var reason: String { String(cString: strerror(code)) }
    }

    /// The whole file at `path`, or the errno that stopped the read.
    public static func read(_ path: String) -> Result<Data, PosixFailure> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(PosixFailure(code: errno)) }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = Glibc.read(fd, &chunk, chunk.count)
            if n < 0 { return .failure(PosixFailure(code: errno)) }
            if n == 0 { return .success(data) }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    /// The one way opsdeck writes its state: creates the folders (0700), writes a temporary
    /// file (0600: remembered input may name what was searched) and renames it over `url`, so
    /// a reader sees the old file or the new one, never half of one; what failed, or nil.
    public static func write(_ data: Data, to url: URL) -> String? {
        var path = ""
        for part in url.deletingLastPathComponent().pathComponents where part != "/" {
            path += "/" + part
            if mkdir(path, 0o700) != 0 && errno != EEXIST { return "cannot create \(path): " + PosixFailure(code: errno).reason }
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return "\(path) is not a folder" }
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return PosixFailure(code: errno).reason }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let failure = written == data.count ? nil : PosixFailure(code: written < 0 ? errno : EIO).reason
        close(fd)
        if let failure {
            unlink(temporary)
            return failure
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = PosixFailure(code: errno).reason
            unlink(temporary)
            return reason
        }
        return nil
    }
}
