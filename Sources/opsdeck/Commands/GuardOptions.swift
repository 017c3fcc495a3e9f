import ArgumentParser
import Dispatch
import Foundation
import Operations
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `toggles set NAME on --guard RULE --for DURATION`: the guarded flip's options and its run
/// (docs/guarded-flips.md). Runs on the main thread; SIGINT/SIGTERM are caught by a Dispatch
/// signal source that only sets a flag the guard polls between checks.
struct GuardOptions: ParsableArguments {
    @Option(
        name: .customLong("guard"),
        help: ArgumentHelp(
            "After the flip, watch the toggle's errors and flip back when this rule breaks: "
                + "`errors > 20 in 5m` or `rate > 3x before [in 5m] [min 5]`.", valueName: "rule"))
    var rule: String?
    @Option(name: .customLong("for"), help: ArgumentHelp("How long the guard watches (90s, 15m, 1h).", valueName: "duration"))
    var duration: String?
    @Option(help: ArgumentHelp("Seconds between error counts.", valueName: "seconds")) var guardInterval: Double = 1
    @Option(
        help: ArgumentHelp(
            "What SIGINT/SIGTERM does to a running guard: keep the flip or revert it.",
            valueName: "keep|revert"))
    var onInterrupt: String = "keep"
    @Flag(help: "Say what the guard would watch; write nothing.") var dryRun = false

    var isGuarded: Bool { rule != nil }

    func validate(expect: String?) throws {
        guard let rule else {
            if duration != nil || dryRun { throw ValidationError("--for and --dry-run go with --guard RULE") }
            return
        }
        do { _ = try GuardRule(rule) } catch { throw ValidationError(error.description) }
        guard let duration else { throw ValidationError("--guard needs --for DURATION (e.g. --for 15m)") }
        guard GuardRule.seconds(duration) != nil else {
            throw ValidationError("--for '\(duration)' is not a duration: a number and s, m or h, e.g. 90s, 15m, 1h (at most a week)")
        }
        guard GuardedFlip.OnInterrupt(rawValue: onInterrupt) != nil else {
            throw ValidationError("--on-interrupt takes keep or revert")
        }
        guard guardInterval >= 0.1, guardInterval <= 60 else { throw ValidationError("--guard-interval: 0.1 to 60 seconds") }
        if expect != nil { throw ValidationError("--guard flips from the value it reads; --expect does not apply") }
    }

    func run(_ env: OpsEnvironment, name: String, on: Bool, reason: String?, json: Bool) throws {
        var guarded = GuardedFlip(
            name: name, on: on, rule: try GuardRule(rule ?? ""),
            duration: GuardRule.seconds(duration ?? "") ?? 0, reason: reason)
        guarded.interval = guardInterval
        guarded.recordTTL = max(10, guardInterval * 5)
        guarded.onInterrupt = GuardedFlip.OnInterrupt(rawValue: onInterrupt) ?? .keep
        if dryRun {
            print(Output.visible(try guarded.plan(env)))
            return
        }
        let signals = GuardSignals()
        var holder: (String, String)?
        let outcome = try guarded.run(
            env, shouldStop: { signals.received != nil }, held: { holder = ($0, $1) },
            report: { Output.error($0) },
            flipped: { flip in
                let line =
                    "\(flip.toggle.name): \(flip.old) -> \(flip.new) (audited as \(env.actor), flip id "
                    + "\(flip.audit?.id ?? "-")); guarding for \(duration ?? ""): \(guarded.rule.text)"
                // Said at once (a pipeline's log shows the guard running); on stderr when stdout is JSON.
                if json { Output.error(line) } else { print(Output.visible(line)) }
                fflush(nil)
            })
        guard let outcome else {
            let (actor, since) = holder ?? ("?", "?")
            Output.error(
                "\(name) is already guarded by \(actor) since \(since); nothing was written. "
                    + "Wait for that guard to end or cancel it.")
            throw ReportedFailure(status: .conflict)
        }
        try GuardReport(outcome: outcome, json: json).emit()
    }
}

/// SIGINT and SIGTERM while a guard runs: remembered, not fatal, so the guard can end cleanly.
/// The handler runs on a Dispatch queue; `received` is read from the main thread (atomic).
final class GuardSignals: Sendable {
    private let signal = Atomic<Int32>(0)
    private nonisolated(unsafe) var sources: [any DispatchSourceSignal] = []

    init() {
        sources = [SIGINT, SIGTERM].map { number in
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable [self] in self.signal.store(number, ordering: .relaxed) }
            source.resume()
            return source
        }
    }

    /// The signal that asked the guard to stop, nil while none did.
    var received: Int32? {
        let number = signal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
