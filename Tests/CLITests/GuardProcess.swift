import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A guarded flip running in the background as a pipeline runs it: the real binary, its output in
/// files, waited for with a roomy deadline, signalled by its own pid (never by name).
final class GuardProcess {
    private let process = Process()
    private let directory: URL
    private let out: URL
    private let err: URL

    init(_ arguments: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-guard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        out = directory.appendingPathComponent("out")
        err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = try OpsdeckRun.binary()
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        process.environment = OpsdeckRun.environment(home: directory.path)
        process.currentDirectoryURL = directory
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    var stdout: String { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// The exit status once it ends within `timeout` seconds, nil (and killed) otherwise.
    func finish(timeout: Double = roomyDeadline) -> Int32? {
        guard eventually(timeout: timeout, { !process.isRunning }) else {
            signal(SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension GuardProcess {
    /// Writes `count` errors of `toggle` (its value `value`) with the real binary, as an app
    /// would; `connection` names the server (`-s PATH`, `--url URL`).
    static func addErrors(_ count: Int, toggle: String = "payments", value: String = "true", connection: [String]) throws {
        for index in 0..<count {
            let added = try OpsdeckRun.run(
                [
                    "errors", "add", "--toggle", toggle, "--value", value, "--fingerprint", "f\(index)",
                    "--exception-file", "-",
                ] + connection, stdin: "Timeout: gateway \(index)\n  at Pay.run")
            #expect(added.status == 0, "\(added.stderr)")
        }
    }
}
