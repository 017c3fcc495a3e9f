import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `opsdeck demo --server-only`: the real demo's private server with the demo data set (and,
/// unless `activity` is false, its simulated live activity), kept running while the benchmark
/// points a dashboard at it. Stopped with SIGTERM to the pid this object started, which makes
/// the demo stop its server and remove its directory.
final class DemoServerProcess {
    let pid: pid_t
    let socketPath: String
    let directory: String

    init(binary: String, activity: Bool) throws {
        // The demo prints its endpoint, but stdout is block-buffered into a pipe and the line only
        // arrives at exit; so the demo's server is put under a fresh root (OPSDECK_TEST_ROOT,
        // which LocalRedis honours) and its socket is found there.
        let base = ProcessInfo.processInfo.environment["OPSDECK_TEST_ROOT"] ?? "/tmp"
        var template = Array((base + "/demo.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchFailure("mkdtemp: \(String(cString: strerror(errno)))") }
        let root = String(cString: made)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var arguments = [binary, "demo", "--server-only"]
        if !activity { arguments.append("--no-activity") }
        let argv = arguments.map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["OPSDECK_TEST_ROOT"] = root
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = (argv + [nil]).withUnsafeBufferPointer { args in
            (envp + [nil]).withUnsafeBufferPointer { env in
                posix_spawn(&pid, binary, &actions, nil, args.baseAddress!, env.baseAddress!)
            }
        }
        guard spawned == 0 else { throw BenchFailure("could not start opsdeck demo: \(String(cString: strerror(spawned)))") }
        self.pid = pid
        self.root = root
        var found: String?
        let deadline = Stopwatch.now() + 60
        while found == nil && Stopwatch.now() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
                let socket = root + "/" + entry + "/redis.sock"
                if FileManager.default.fileExists(atPath: socket) { found = socket }
            }
            if found == nil { usleep(50_000) }
        }
        guard let socket = found else {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            throw BenchFailure("opsdeck demo --server-only started no server under \(root) within 60 s")
        }
        socketPath = socket
        directory = URL(fileURLWithPath: socket).deletingLastPathComponent().path
        // The data is loaded before the simulator and the wait start: give it a moment.
        usleep(1_000_000)
    }

    private let root: String

    private var stopped = false

    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<500 {
            if waitpid(pid, &status, WNOHANG) == pid { removeRoot(); return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        removeRoot()
    }

    /// Removes the (by then empty) root; the demo removes its own server directory.
    private func removeRoot() { try? FileManager.default.removeItem(atPath: root) }

    deinit { stop() }
}
