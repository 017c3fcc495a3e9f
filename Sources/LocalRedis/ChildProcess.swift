import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn`, reaped with `waitpid`: the one way this project
/// starts programs (private servers, tmux in end-to-end tests, the benchmark's helpers).
///
/// Why not Foundation's `Process`: it notices an exit only through its run loop (a plain wait for
/// a stopped server took seconds), and the child inherited the spawning thread's blocked signals —
/// test runner and Dispatch threads block most — so a server or tmux started through it ignored
/// SIGTERM and SIGCHLD. Here the child gets a clean signal mask and default dispositions, and
/// optionally its own process group so a terminal's Ctrl-C does not reach it: its owner stops it
/// in order. Not thread-safe: use it from the thread that created it.
public final class ChildProcess {
    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        case null
        /// A file, created or truncated.
        case file(String)
        /// stderr only: wherever stdout goes.
        case stdout
    }

    public let pid: pid_t
    public private(set) var exitStatus: Int32?

    public init(
        path: String, arguments: [String], environment: [String: String]? = nil,
        stdout: Stream = .null, stderr: Stream = .null, ownProcessGroup: Bool = true
    ) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if ownProcessGroup { flags |= POSIX_SPAWN_SETPGROUP }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (fd, stream) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch stream {
            case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .file(let file): posix_spawn_file_actions_addopen(&actions, fd, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .stdout: posix_spawn_file_actions_adddup2(&actions, 1, fd)
            }
        }

        let argv = ([path] + arguments).map { strdup($0) }
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") }
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { args in
            (envp + [nil]).withUnsafeBufferPointer { env in
                posix_spawn(&pid, path, &actions, &attributes, args.baseAddress!, env.baseAddress!)
            }
        }
        guard result == 0 else {
            throw LocalRedisError.startFailed(command: path, log: "posix_spawn: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Whether the child is still alive (reaps it if it has exited).
    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result == -1 && errno == ECHILD) {
            exitStatus = Self.exitCode(status)
            return false
        }
        return true
    }

    public func signal(_ signal: Int32) {
        if exitStatus == nil { kill(pid, signal) }
    }

    /// Waits for the child to exit; its exit code, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code = Self.exitCode(status)
        exitStatus = code
        return code
    }

    /// Sends SIGTERM, waits up to `grace` seconds, then SIGKILL; always reaps the child.
    public func terminate(grace: Double = 5) {
        guard isRunning else { return }
        kill(pid, SIGCONT) // a stopped (paused) process cannot act on SIGTERM
        kill(pid, SIGTERM)
        var waited = 0.0
        while isRunning && waited < grace {
            usleep(5_000)
            waited += 0.005
        }
        if isRunning {
            kill(pid, SIGKILL)
            wait()
        }
    }

    /// The first executable called `name` on the PATH (plus the sbin folders Debian uses).
    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin", "/sbin"] {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// WIFEXITED/WEXITSTATUS are macros Swift cannot import: the status is code << 8 or a signal.
    private static func exitCode(_ status: Int32) -> Int32 {
        status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
