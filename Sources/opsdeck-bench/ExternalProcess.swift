import Foundation
import LocalRedis

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a helper program (redis-benchmark, redis-cli, tmux) and waits for it with `waitpid`,
/// so a timed run ends when the process ends (Foundation's `Process` notices exits late).
struct ExternalProcess {
    struct Result {
        let status: Int32
        let output: String
        let seconds: Double
    }

    enum Failure: Error, CustomStringConvertible {
        case notFound(String, install: String)
        case spawn(String, Int32)
        case failed(String, status: Int32, output: String)

        var description: String {
            switch self {
            case .notFound(let name, let install): return "\(name) not found; install it with: \(install)"
            case .spawn(let name, let code): return "could not start \(name): \(String(cString: strerror(code)))"
            case .failed(let command, let status, let output):
                return "\(command) exited with status \(status): \(output.suffix(400))"
            }
        }
    }

    /// The path of a program on the PATH, or a failure naming the package to install.
    static func locate(_ name: String, install: String) throws -> String {
        guard let path = ServerFlavor.findExecutable(name) else { throw Failure.notFound(name, install: install) }
        return path
    }

    /// Runs `path arguments...` with stdout and stderr captured together; returns when it exits.
    @discardableResult
    static func run(_ path: String, _ arguments: [String], check: Bool = true) throws -> Result {
        // Output goes to a file rather than a pipe: nothing can block on a full pipe, and the
        // timing ends when the process ends.
        let outputPath = NSTemporaryDirectory() + "opsdeck-bench-\(getpid())-\(UUID().uuidString.prefix(8)).out"
        defer { unlink(outputPath) }
        let start = Stopwatch.now()
        let child: ChildProcess
        do {
            child = try ChildProcess(
                path: path, arguments: arguments, stdout: .file(outputPath), stderr: .stdout,
                ownProcessGroup: false)
        } catch {
            throw Failure.spawn(path, errno)
        }
        let exitCode = child.wait()
        let seconds = Stopwatch.now() - start
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let result = Result(status: exitCode, output: output, seconds: seconds)
        if check && exitCode != 0 {
            throw Failure.failed(([path] + arguments).joined(separator: " "), status: exitCode, output: result.output)
        }
        return result
    }
}
