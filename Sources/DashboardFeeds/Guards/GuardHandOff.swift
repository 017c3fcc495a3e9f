import Foundation
import Operations
import Synchronization

/// Starts `opsdeck toggles guard-resume NAME` detached, with the guard's token and the
/// dashboard's arguments in its environment (`GuardedFlip.tokenVariable`/`argumentsVariable`),
/// and waits until it says `ready` (its first refresh of the record proved the token) or fails.
/// The record's TTL (10 s) is longer than the wait, so the record never lapses in between.
/// A plain value; `start` blocks its caller (a background queue).
public struct GuardHandOff: Sendable {
    /// The binary to start (this process's own).
    public var executable: String
    /// The dashboard's own arguments (its connection options among them).
    public var arguments: [String]
    /// How long the new process has to say `ready`.
    public var deadline: TimeInterval = 8
    /// The new process's environment before the guard's two entries (nil: this process's).
    public var environment: [String: String]?
    /// Told the new process's pid once it runs (tests end it if they fail early).
    public var started: (@Sendable (Int32) -> Void)?

    public init(executable: String, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    public func start(toggle: String, token: String) throws(OperationsError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["toggles", "guard-resume", toggle]
        var environment = self.environment ?? ProcessInfo.processInfo.environment
        environment[GuardedFlip.tokenVariable] = token
        let encoded = (try? JSONEncoder().encode(arguments)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        environment[GuardedFlip.argumentsVariable] = encoded
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .invalidInput("could not start \(executable): \(error)") }
        started?(process.processIdentifier)
        // Its stdout ends when it leaves the terminal (after `ready`) or exits.
        let said = Mutex<String>("")
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            said.withLock { $0 = String(decoding: data, as: UTF8.self) }
            finished.signal()
        }
        guard finished.wait(timeout: .now() + deadline) == .success else {
            process.terminate()
            throw .invalidInput("the headless guard did not start within \(Int(deadline)) s")
        }
        guard said.withLock({ $0 }).contains("ready") else {
            process.waitUntilExit()
            let why = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw .invalidInput(
                "the headless guard failed: " + why.trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        }
    }
}
