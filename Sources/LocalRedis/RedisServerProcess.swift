import Foundation
import RedisClient

#if canImport(Glibc)
    import Glibc
#endif

/// A private `redis-server` (or `valkey-server`) child process on a Unix socket in a fresh
/// temporary directory: never a fixed port, so it cannot collide with anyone else's server.
///
/// Ownership: whoever starts it owns it and must `stop()` it (`deinit` stops it too); `stop()`
/// signals only the pid this object started and removes only the directory it created. It is
/// not thread-safe: use it from the thread that created it. Its `endpoint` is a plain value that
/// any thread may use to connect.
public final class RedisServerProcess {
    public let flavor: ServerFlavor
    public let directory: URL
    public let socketPath: String
    private let arguments: [String]
    private let serverPath: String
    private var process: ChildProcess?

    /// The socket, with the `--requirepass` password when the server was started with one.
    public var endpoint: RedisEndpoint {
        RedisEndpoint(address: .unix(path: socketPath), password: argument("--requirepass"))
    }
    public var pid: Int32? { process?.pid }

    /// The value of the last `flag` the server was started with (later flags win in Redis too):
    /// e.g. `argument("--tls-port")` for the TLS listener a test asked for.
    public func argument(_ flag: String) -> String? {
        guard let index = arguments.lastIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }
    public var isRunning: Bool { process?.isRunning ?? false }

    /// The TCP port the server was asked to listen on besides its socket: the TLS port if it
    /// has one, else `--port` (nil when that is 0, no TCP listener).
    public var tcpPort: Int? {
        for flag in ["--tls-port", "--port"] {
            if let port = argument(flag).flatMap(Int.init), port != 0 { return port }
        }
        return nil
    }

    /// Starts a server and waits until it answers PING (up to `timeout` seconds).
    public init(flavor: ServerFlavor = .plain, extraArguments: [String] = [], timeout: Double = 15) throws {
        self.flavor = flavor
        let (server, module) = try flavor.resolve()
        serverPath = server
        directory = try Self.makeDirectory()
        socketPath = directory.appendingPathComponent("redis.sock").path
        var arguments = [
            "--port", "0",
            "--bind", "127.0.0.1",
            "--unixsocket", socketPath,
            "--unixsocketperm", "700",
            "--dir", directory.path,
            "--logfile", directory.appendingPathComponent("redis.log").path,
            "--pidfile", directory.appendingPathComponent("redis.pid").path,
            "--save", "",
            "--appendonly", "no",
            "--daemonize", "no",
            "--enable-debug-command", "yes",
        ]
        if let module { arguments += ["--loadmodule", module] }
        self.arguments = arguments + extraArguments
        do {
            try start(timeout: timeout)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Starts the server again with the same socket, after `stop()`.
    public func start(timeout: Double = 15) throws {
        guard process?.isRunning != true else { return }
        try? FileManager.default.removeItem(atPath: socketPath)
        let child = try ChildProcess(path: serverPath, arguments: arguments)
        process = child
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !child.isRunning { break }
            if FileManager.default.fileExists(atPath: socketPath), (try? ping()) == true { return }
            usleep(20_000)
        }
        stop()
        throw LocalRedisError.startFailed(command: ([serverPath] + arguments).joined(separator: " "), log: logTail())
    }

    /// Stops the server this object started (SIGTERM, then SIGKILL after 5 s) and waits for it.
    public func stop() {
        guard let child = process else { return }
        process = nil
        child.terminate()
    }

    /// Stops the server and removes its directory (socket, log, pid file): nothing is left behind.
    /// For owners that end with `exit()`, where `deinit` never runs.
    public func shutdown() {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Freezes the server process (SIGSTOP), as a stalled server would look to clients.
    public func pause() { process?.signal(SIGSTOP) }
    /// Resumes a paused server (SIGCONT).
    public func resume() { process?.signal(SIGCONT) }

    /// A new connection to this server.
    public func connect(readTimeout: Double = 10) throws -> RedisConnection {
        let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, readTimeout: readTimeout))
        try connection.connect()
        return connection
    }

    /// The last lines of the server's log, for error messages.
    public func logTail(lines: Int = 15) -> String {
        let log = (try? String(contentsOf: directory.appendingPathComponent("redis.log"), encoding: .utf8)) ?? "(no log)"
        return log.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    private func ping() throws -> Bool {
        let connection = RedisConnection(
            options: RedisConnectionOptions(
                endpoint: endpoint, connectTimeout: 1, readTimeout: 2, clientName: nil))
        return try connection.execute("PING").string == "PONG"
    }

    /// A fresh directory with a short path: a Unix socket path must fit in 108 bytes.
    static func makeDirectory() throws -> URL {
        let env = ProcessInfo.processInfo.environment
        var base = env["OPSDECK_TEST_ROOT"] ?? env["TMPDIR"] ?? "/tmp"
        if base.utf8.count > 70 { base = "/tmp" }
        var template = Array((base + "/opsdeck-redis-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw LocalRedisError.startFailed(command: "mkdtemp in \(base)", log: String(cString: strerror(errno)))
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }
}
