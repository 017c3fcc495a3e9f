import Foundation
import RedisClient

/// The watching half of a guarded flip, shared by `run` (after its claim and flip) and
/// `resume` (a process taking a running guard over with its token): count the toggle's errors
/// every `interval` until the end, refresh the record, and flip back when the rule breaks. Runs
/// on the calling thread, which owns `env.redis`.
extension GuardedFlip {
    /// What the watch needs to know of the guard it continues. A plain value.
    struct Watch {
        var key: RedisKey
        var toggleKey: RedisKey
        var token: String
        var toggle: String
        var errors: ErrorStore
        var flip: FlipResult
        /// Errors are counted from here (the flip's whole second).
        var flipped: Date
        var ends: Date
        /// The errors in the window before the flip (a rate rule's baseline).
        var before: Int

        func run(
            _ guarded: GuardedFlip, _ env: OpsEnvironment, record start: GuardRecord, shouldStop: () -> Bool,
            handOff: () -> Bool, report: (String) -> Void
        ) -> Outcome {
            let rule = guarded.rule
            var record = start
            var figures = record.figures
            var failedChecks = 0
            // Without a search module, the error hashes read by one check are not read again.
            var counted = ErrorClientSearch.Memory()
            while true {
                let stopped = Self.wait(
                    until: min(env.now().addingTimeInterval(guarded.interval), ends), env: env,
                    shouldStop: { shouldStop() || handOff() })
                // Handed over: the record stays as it is (running, its TTL a few checks long),
                // for the process holding the token to refresh next.
                if handOff() { return .handedOff(flip: flip, token: token) }
                let now = env.now()
                let since = max(flipped, now.addingTimeInterval(-rule.window))
                let verdict: (broken: Bool, figures: String)
                do {
                    let count = try errors.countDetailed(env, toggle: toggle, since: since, memory: &counted).count
                    verdict = rule.evaluate(count: count, watched: now.timeIntervalSince(since), before: before)
                    record.count = count
                    record.progress = rule.progress(count: count)
                    record.figures = verdict.figures
                    figures = verdict.figures
                } catch {
                    // A failed count is not "no errors": said, counted, and the guard keeps watching.
                    failedChecks += 1
                    report("warning: could not count \(toggle)'s errors: \(error.description)")
                    verdict = (false, figures)
                }
                if verdict.broken {
                    let (revert, conflict) = finish(
                        guarded, env, record: &record, revertReason: "auto-revert: \(verdict.figures)")
                    return conflict.map { .notReverted(flip: flip, figures: verdict.figures, current: $0) }
                        ?? .reverted(flip: flip, revert: revert!, figures: verdict.figures)
                }
                if stopped {
                    if guarded.onInterrupt == .revert {
                        let (revert, conflict) = finish(
                            guarded, env, record: &record, revertReason: "guard interrupted, reverted: \(figures)",
                            state: "interrupted")
                        return .interrupted(flip: flip, figures: figures, revert: revert, conflict: conflict)
                    }
                    record.state = "interrupted"
                    end(guarded, env, record)
                    return .interrupted(flip: flip, figures: figures, revert: nil, conflict: nil)
                }
                if now >= ends {
                    record.state = "held"
                    end(guarded, env, record)
                    return .held(flip: flip, figures: figures, failedChecks: failedChecks)
                }
                do {
                    switch try GuardStore.update(env, key: key, token: token, record: record, ttl: guarded.recordTTL) {
                    case .updated: break
                    case .lost: report("warning: the guard record \(key.text) was gone or taken over; still watching")
                    case .cancelled(let by):
                        // The mark stays (the refresh keeps it, with the finished TTL).
                        end(guarded, env, record)
                        return .cancelled(flip: flip, figures: figures, by: by)
                    }
                } catch {
                    report("warning: could not refresh the guard record: \(error.description)")
                }
            }
        }

        /// Flips back against the exact value set and marks the record; the revert, or the value
        /// found instead (nil when reverted).
        private func finish(
            _ guarded: GuardedFlip, _ env: OpsEnvironment, record: inout GuardRecord, revertReason: String,
            state: String? = nil
        ) -> (FlipResult?, String?) {
            var revert: FlipResult?
            var conflict: String?
            do {
                revert = try ToggleStore.flip(env, name: toggle, to: !guarded.on, expectRaw: flip.new, reason: revertReason)
            } catch .conflict(_, _, let current) {
                conflict = current
            } catch {
                conflict = "unknown (\(error.description))"
            }
            record.state = state ?? (revert != nil ? "reverted" : "not-reverted")
            end(guarded, env, record)
            return (revert, conflict)
        }

        private func end(_ guarded: GuardedFlip, _ env: OpsEnvironment, _ record: GuardRecord) {
            GuardedFlip.markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey, ttl: guarded.finishedTTL)
        }

        /// Sleeps in short steps until `deadline` or a stop request; true when stopped.
        static func wait(until deadline: Date, env: OpsEnvironment, shouldStop: () -> Bool) -> Bool {
            while env.now() < deadline {
                if shouldStop() { return true }
                Thread.sleep(forTimeInterval: min(0.1, max(0.01, deadline.timeIntervalSince(env.now()))))
            }
            return shouldStop()
        }
    }

    /// Leaves the finish mark and takes the toggle off the registry (best effort: the mark
    /// expires by itself, and a registered guard whose record is gone reads as lost).
    static func markEnded(
        _ env: OpsEnvironment, key: RedisKey, token: String, record: GuardRecord, toggleKey: RedisKey, ttl: TimeInterval
    ) {
        _ = try? GuardStore.update(env, key: key, token: token, record: record, ttl: ttl)
        try? GuardStore.unregister(env, toggleKey: toggleKey)
    }
}
