import ArgumentParser
import Foundation
import Operations

#if canImport(Glibc)
    import Glibc
#endif

/// `opsdeck toggles guard-resume NAME` (hidden): goes on with a guard a dashboard handed over
/// when it quit (docs/guarded-flips.md, "Quitting the dashboard with a guard running"). The
/// dashboard starts this binary detached with the guard's token in `OPSDECK_GUARD_TOKEN` and its
/// own arguments (for the same connection) in `OPSDECK_GUARD_ARGS` (a JSON array; the
/// environment, unlike argv, is not readable by other users). Once the first refresh proved the
/// token it prints `ready` and leaves the terminal: the outcome is in the audit trail and the
/// guard record. Main thread; SIGINT/SIGTERM end it like a CLI guard (kept, not reverted).
struct GuardResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guard-resume",
        abstract: "Go on with a running guard handed over by a dashboard (started by the dashboard).",
        shouldDisplay: false)

    @Argument(help: "Toggle name.") var name: String
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let token = environment[GuardedFlip.tokenVariable], !token.isEmpty else {
            throw OperationsError.invalidInput("\(GuardedFlip.tokenVariable) must hold the guard's token (the dashboard sets it)")
        }
        var options = connection
        if let json = environment[GuardedFlip.argumentsVariable] {
            let arguments = (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
            options = try DashboardCommand.parse(ArgumentOrder.normalized(arguments)).connection
        }
        let context = try CommandContext(options, wholeCommand: false)
        var env = try context.environment()
        let (guarded, record) = try GuardedFlip.adopting(env, name: name)
        // The guard goes on in the name of whoever started it: its revert is audited as theirs.
        if !record.actor.isEmpty { env.actor = record.actor }
        // Its own session: closing the dashboard's terminal (SIGHUP) must not end the guard.
        _ = setsid()
        signal(SIGHUP, SIG_IGN)
        let signals = GuardSignals()
        let outcome = try guarded.resume(
            env, record: record, token: token, shouldStop: { signals.received != nil },
            ready: {
                print("ready")
                fflush(nil)
                Self.leaveTerminal()
            })
        try GuardReport(outcome: outcome, json: false).emit()
    }

    /// Points stdin, stdout and stderr at /dev/null: the dashboard that waited for `ready` is gone.
    static func leaveTerminal() {
        let null = open("/dev/null", O_RDWR)
        guard null >= 0 else { return }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { dup2(null, descriptor) }
        if null > 2 { close(null) }
    }
}
