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
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw Failure.spawn(path, errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 2)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])

        let argv = ([path] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Stopwatch.now()
        let spawned = (argv + [nil]).withUnsafeBufferPointer { buffer in
            posix_spawn(&pid, path, &actions, nil, buffer.baseAddress!, environ)
        }
        close(pipe[1])
        guard spawned == 0 else {
            close(pipe[0])
            throw Failure.spawn(path, spawned)
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(pipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let seconds = Stopwatch.now() - start
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let result = Result(status: exitCode, output: String(decoding: output, as: UTF8.self), seconds: seconds)
        if check && exitCode != 0 {
            throw Failure.failed(([path] + arguments).joined(separator: " "), status: exitCode, output: result.output)
        }
        return result
    }
}
