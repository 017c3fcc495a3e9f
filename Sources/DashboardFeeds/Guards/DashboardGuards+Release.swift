import Dashboard
import Foundation
import Operations
import RedisClient

/// Quitting with guards running (docs/guarded-flips.md, "Quitting the dashboard with a guard
/// running"): each guard is handed over to a detached process or cancelled. Called on a
/// background queue (it waits for the guards' threads and the new process), never the UI's.
extension DashboardGuards {
    /// Hands every running guard over (`headless`, with `handOff`) or cancels it (audited, not
    /// reverted). Returns what went wrong; a guard that could not be handed over keeps running
    /// here (taken back with its token), so nothing is left unwatched.
    public func release(headless: Bool, handOff: GuardHandOff) -> [String] {
        let table = running.withLock { $0 }
        var problems: [String] = []
        for (toggle, entry) in table.sorted(by: { $0.key < $1.key }) {
            if headless {
                entry.mode.store(1, ordering: .relaxed)
                _ = entry.done.wait(timeout: .now() + 120)
                // Ended meanwhile (tripped, held, cancelled): nothing to hand over.
                guard case .handedOff(_, let token)? = entry.outcome.withLock({ $0 }) else { continue }
                do {
                    try handOff.start(toggle: toggle, token: token)
                } catch {
                    problems.append("\(toggle): not handed over (\(error.description)); still guarded here")
                    resumeHere(toggle: toggle, token: token)
                }
            } else {
                do {
                    let env = try environment()
                    _ = try GuardStore.cancel(env, name: toggle, reason: "cancelled on quitting the dashboard")
                    // Its thread sees the mark at its next check and ends without reverting.
                    _ = entry.done.wait(timeout: .now() + 120)
                } catch {
                    problems.append("\(toggle): not cancelled (\(error.description))")
                }
            }
        }
        return problems
    }

    /// Takes a guard back that could not be handed over: the same record, the same token.
    func resumeHere(toggle: String, token: String) {
        let entry = Running()
        running.withLock { $0[toggle] = entry }
        let thread = Thread { [self] in
            var outcome: GuardedFlip.Outcome?
            do {
                let env = try environment()
                var (guarded, record) = try GuardedFlip.adopting(env, name: toggle)
                guarded.interval = interval
                outcome = try guarded.resume(
                    env, record: record, token: token, shouldStop: { entry.mode.load(ordering: .relaxed) == 2 },
                    handOff: { entry.mode.load(ordering: .relaxed) == 1 },
                    report: { self.reply(.guardWarning(toggle: toggle, text: $0)) })
                if let summary = outcome.flatMap(Self.summary) {
                    reply(.guardEnded(toggle: toggle, summary: summary.text, alarm: summary.alarm))
                }
            } catch {
                reply(.guardEnded(toggle: toggle, summary: "guard lost: \(OperationsError.wrap(error).description)", alarm: true))
            }
            entry.outcome.withLock { $0 = outcome }
            running.withLock { table in if table[toggle] === entry { table[toggle] = nil } }
            entry.done.signal()
        }
        thread.name = "opsdeck-guard"
        thread.start()
    }
}
