#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process started with `posix_spawn` in its own process group, reaped with `waitpid`.
///
/// Foundation's `Process` notices an exit only through its run loop, so a plain wait for a
/// stopped server took seconds; owning the pid directly makes stop exact and immediate. The own
/// process group keeps a terminal's Ctrl-C from reaching the child: its owner stops it in order.
/// Not thread-safe: use it from the thread that created it.
final class ChildProcess {
    let pid: pid_t
    private(set) var exitStatus: Int32?

    init(path: String, arguments: [String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The spawning thread may block signals (test runners and Dispatch do), and the child
        // would inherit that mask and never see our SIGTERM: give it a clean mask and defaults.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }

        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = (argv + [nil]).withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, path, &actions, &attributes, buffer.baseAddress!, environ)
        }
        guard result == 0 else {
            throw LocalRedisError.startFailed(command: path, log: "posix_spawn: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Whether the child is still alive (reaps it if it has exited).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        if result == pid || (result == -1 && errno == ECHILD) {
            exitStatus = status
            return false
        }
        return true
    }

    func signal(_ signal: Int32) {
        if exitStatus == nil { kill(pid, signal) }
    }

    /// Sends SIGTERM, waits up to `grace` seconds, then SIGKILL; always reaps the child.
    func terminate(grace: Double = 5) {
        guard isRunning else { return }
        kill(pid, SIGCONT)  // a stopped (paused) process cannot act on SIGTERM
        kill(pid, SIGTERM)
        var waited = 0.0
        while isRunning && waited < grace {
            usleep(5_000)
            waited += 0.005
        }
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = status
        }
    }
}
