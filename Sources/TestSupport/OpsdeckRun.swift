import Foundation

/// Runs the real `opsdeck` binary (built beside the test bundle by `swift build`/`swift test`)
/// to completion, capturing stdout, stderr and the exit status, or starts it in the background.
/// The environment is minimal and explicit (no inherited OPSDECK_* or REDISCLI_AUTH), with HOME
/// in a fresh directory so no user config is read. Any thread; each call is independent.
public struct OpsdeckRun: Sendable {
    public let status: Int32
    /// Whether the process died of a signal (a crash: SIGABRT, SIGSEGV…) rather than exiting;
    /// `status` is then the signal's number.
    public var crashed = false
    public let stdout: String
    public let stderr: String

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The `opsdeck` executable: the one place tests find it. The test targets that run it
    /// (`CLITests`, `EndToEndTests`) depend on the executable target, so `swift build` and
    /// `swift test` put it beside the test bundle, in the same products folder. The bundle is
    /// found through `/proc/self/exe` (the path `swift test` gave may be relative); on Darwin the
    /// bundle's executable sits one level deeper (`Contents/MacOS`), hence the parent too.
    public static func binary() throws -> URL {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: running).deletingLastPathComponent()
        if folder.lastPathComponent.hasSuffix(".xctest") { folder = folder.deletingLastPathComponent() }
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("opsdeck") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "opsdeck binary not found beside the tests (\(folder.path)); run `swift build` first")
        }
        return found
    }

    /// The base environment every run gets; `extra` adds or overrides entries.
    public static func environment(home: String, _ extra: [String: String] = [:]) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "USER": "ci", "HOME": home, "LANG": "C.UTF-8"].merging(extra) { $1 }
    }

    /// Runs `opsdeck arguments…` and waits for it (in `directory` when given, else in a fresh one),
    /// with `stdin` as its standard input (none when nil).
    public static func run(
        _ arguments: [String], environment extra: [String: String] = [:],
        in directory: URL? = nil, stdin: String? = nil
    ) throws -> OpsdeckRun {
        let workingDirectory = directory
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let stdin {
            let input = directory.appendingPathComponent("in")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.environment = environment(home: directory.path, extra)
        process.currentDirectoryURL = workingDirectory ?? directory
        try process.run()
        process.waitUntilExit()
        return OpsdeckRun(
            status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Everything the run printed, for "this must never appear anywhere" checks.
    public var allOutput: String { stdout + stderr }
}
