import Foundation
import LocalRedis

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck demo --server-only`: the real demo's private server with the demo data set (and,
/// unless `activity` is false, its simulated live activity), kept running while the benchmark
/// points a dashboard at it. Stopped with SIGTERM to the process this object started, which makes
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
        var arguments = ["demo", "--server-only"]
        if !activity { arguments.append("--no-activity") }
        var environment = ProcessInfo.processInfo.environment
        environment["OPSDECK_TEST_ROOT"] = root
        let child: ChildProcess
        do {
            child = try ChildProcess(path: binary, arguments: arguments, environment: environment)
        } catch {
            throw BenchFailure("could not start opsdeck demo: \(error)")
        }
        self.child = child
        let pid = child.pid
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
            child.terminate()
            throw BenchFailure("opsdeck demo --server-only started no server under \(root) within 60 s")
        }
        socketPath = socket
        directory = URL(fileURLWithPath: socket).deletingLastPathComponent().path
        // The data is loaded before the simulator and the wait start: give it a moment.
        usleep(1_000_000)
    }

    private let root: String
    private let child: ChildProcess

    private var stopped = false

    func stop() {
        guard !stopped else { return }
        stopped = true
        child.terminate()
        removeRoot()
    }

    /// Removes the (by then empty) root; the demo removes its own server directory.
    private func removeRoot() { try? FileManager.default.removeItem(atPath: root) }

    deinit { stop() }
}
