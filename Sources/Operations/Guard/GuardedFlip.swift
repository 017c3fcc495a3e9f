import Foundation
import RedisClient

/// A guarded flip (docs/guarded-flips.md): claims the guard record, flips the toggle
/// (compare-and-set, audited), then counts the toggle's errors every `interval` until `duration`
/// runs out. When the rule breaks it flips back with compare-and-set against the exact value it
/// set, audited with the rule and figures (`auto-revert: 23 errors in 5m > 20`); a value someone
/// else changed meanwhile is left alone and reported. Errors are counted the way `errors count
/// --toggle --since` counts them (`ErrorStore.countDetailed`: RediSearch 1.x/2.x or the
/// client-side scan).
///
/// Runs on the calling thread, which owns `env.redis`; `shouldStop` is polled between checks
/// (a signal handler sets it from another thread, so it must be thread-safe).
public struct GuardedFlip {
    public enum OnInterrupt: String, Sendable, CaseIterable { case keep, revert }

    public var name: String
    public var on: Bool
    public var rule: GuardRule
    public var duration: TimeInterval
    public var reason: String?
    /// Seconds between checks, and the record's TTL (a few checks long, so one slow check does not lose it).
    public var interval: TimeInterval = 1
    public var recordTTL: TimeInterval = 10
    /// How long a finished record stays as the finish mark.
    public var finishedTTL: TimeInterval = 300
    public var onInterrupt: OnInterrupt = .keep

    /// How the guard ended.
    public enum Outcome: Sendable {
        /// Nothing to guard: the toggle already had the state (nothing written, no record left running).
        case notNeeded(FlipResult)
        /// `duration` ran out with the rule intact.
        case held(flip: FlipResult, figures: String, failedChecks: Int)
        /// The rule broke and the toggle went back.
        case reverted(flip: FlipResult, revert: FlipResult, figures: String)
        /// The rule broke but someone else had changed the value: not reverted.
        case notReverted(flip: FlipResult, figures: String, current: String)
        /// Stopped by a signal; `revert` when `onInterrupt` is `.revert` and it went back.
        case interrupted(flip: FlipResult, figures: String, revert: FlipResult?, conflict: String?)
        /// Cancelled from outside by `by` (`GuardStore.cancel`, audited there): not reverted.
        case cancelled(flip: FlipResult, figures: String, by: String)
    }

    public init(name: String, on: Bool, rule: GuardRule, duration: TimeInterval, reason: String? = nil) {
        self.name = name
        self.on = on
        self.rule = rule
        self.duration = duration
        self.reason = reason
    }

    /// What `--dry-run` prints: the toggle, the key it would write, what it would count.
    public func plan(_ env: OpsEnvironment) throws(OperationsError) -> String {
        let toggle = try ToggleStore.get(env, name: name)
        let key = GuardRecord.key(for: toggle.key, patterns: env.patterns)
        return "would set \(toggle.name) \(on ? "on" : "off") (now \(toggle.value.raw)), then for \(GuardRule.spell(duration)) "
            + "count its errors (toggleName \(toggle.name)) every \(GuardRule.spell(interval)) and flip back when "
            + "`\(rule.text)` breaks; guard record \(key.text), refreshed with a \(GuardRule.spell(recordTTL)) TTL"
    }

    /// Runs the guard to its end. Nil when another guard runs on the toggle: nothing written, the
    /// holder and its start passed to `held`. `report` gets warnings, `started` the flip once done.
    public func run(
        _ env: OpsEnvironment, shouldStop: () -> Bool, held: (String, String) -> Void = { _, _ in },
        report: (String) -> Void = { _ in }, flipped onFlip: (FlipResult) -> Void = { _ in }
    ) throws(OperationsError) -> Outcome? {
        try env.gate.check("guard toggle \(name)")
        let toggle = try ToggleStore.get(env, name: name)
        let key = GuardRecord.key(for: toggle.key, patterns: env.patterns)
        let toggleKey = toggle.key
        let errors = ErrorStore(module: try ErrorStore().resolveModule(env))
        let started = env.now()
        let before = try beforeCount(env, errors, toggle: toggle.name, at: started)
        var record = GuardRecord(
            state: "running", toggle: toggle.name, rule: rule.text, actor: env.actor,
            started: AsctimeTimestamp.iso8601(started),
            ends: AsctimeTimestamp.iso8601(started.addingTimeInterval(duration)),
            value: toggle.value.spelled(on), progress: rule.progress(count: 0),
            figures: rule.evaluate(count: 0, watched: 0, before: before).figures)
        let token: String
        switch try GuardStore.claim(env, key: key, record: record, ttl: recordTTL) {
        case .held(let actor, let since):
            held(actor, since)
            return nil
        case .claimed(let claimed): token = claimed
        }
        let flip: FlipResult
        do {
            flip = try ToggleStore.flip(env, name: name, to: on, reason: reason)
        } catch {
            record.state = "failed"
            markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
            throw error
        }
        guard flip.changed else {
            record.state = "not-needed"
            markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
            return .notNeeded(flip)
        }
        record.value = flip.new
        do { try GuardStore.register(env, toggleKey: toggle.key, ends: started.addingTimeInterval(duration)) } catch {
            report("warning: the guard is not listed in \(GuardRecord.registry(env.patterns)): \(error.description)")
        }
        onFlip(flip)
        // Errors stamped in the flip's second count: ids have whole seconds.
        let flipped = Date(timeIntervalSince1970: env.now().timeIntervalSince1970.rounded(.down))
        let ends = started.addingTimeInterval(duration)
        var figures = record.figures
        var failedChecks = 0
        while true {
            let stopped = wait(until: min(env.now().addingTimeInterval(interval), ends), env: env, shouldStop: shouldStop)
            let now = env.now()
            let since = max(flipped, now.addingTimeInterval(-rule.window))
            let verdict: (broken: Bool, figures: String)
            do {
                let count = try errors.countDetailed(env, toggle: toggle.name, since: since).count
                verdict = rule.evaluate(count: count, watched: now.timeIntervalSince(since), before: before)
                record.count = count
                record.progress = rule.progress(count: count)
                record.figures = verdict.figures
                figures = verdict.figures
            } catch {
                // A failed count is not "no errors": said, counted, and the guard keeps watching.
                failedChecks += 1
                report("warning: could not count \(toggle.name)'s errors: \(error.description)")
                verdict = (false, figures)
            }
            if verdict.broken {
                return finish(
                    env, key: key, toggleKey: toggleKey, token: token, record: &record, flip: flip,
                    revertReason: "auto-revert: \(verdict.figures)"
                ) {
                    revert, conflict in
                    conflict.map { .notReverted(flip: flip, figures: verdict.figures, current: $0) }
                        ?? .reverted(flip: flip, revert: revert!, figures: verdict.figures)
                }
            }
            if stopped {
                if onInterrupt == .revert {
                    return finish(
                        env, key: key, toggleKey: toggleKey, token: token, record: &record, flip: flip,
                        revertReason: "guard interrupted, reverted: \(figures)", state: "interrupted"
                    ) { revert, conflict in
                        .interrupted(flip: flip, figures: figures, revert: revert, conflict: conflict)
                    }
                }
                record.state = "interrupted"
                markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
                return .interrupted(flip: flip, figures: figures, revert: nil, conflict: nil)
            }
            if now >= ends {
                record.state = "held"
                markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
                return .held(flip: flip, figures: figures, failedChecks: failedChecks)
            }
            do {
                switch try GuardStore.update(env, key: key, token: token, record: record, ttl: recordTTL) {
                case .updated: break
                case .lost: report("warning: the guard record \(key.text) was gone or taken over; still watching")
                case .cancelled(let by):
                    // The mark stays (markEnded's refresh keeps it, with the finished TTL).
                    markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
                    return .cancelled(flip: flip, figures: figures, by: by)
                }
            } catch {
                report("warning: could not refresh the guard record: \(error.description)")
            }
        }
    }

    /// Flips back against the exact value set, marks the record, and builds the outcome from the
    /// revert (nil on conflict) and the value found instead (nil when reverted).
    private func finish(
        _ env: OpsEnvironment, key: RedisKey, toggleKey: RedisKey, token: String, record: inout GuardRecord, flip: FlipResult,
        revertReason: String, state: String? = nil, outcome: (FlipResult?, String?) -> Outcome
    ) -> Outcome {
        var revert: FlipResult?
        var conflict: String?
        do {
            revert = try ToggleStore.flip(env, name: name, to: !on, expectRaw: flip.new, reason: revertReason)
        } catch .conflict(_, _, let current) {
            conflict = current
        } catch {
            conflict = "unknown (\(error.description))"
        }
        record.state = state ?? (revert != nil ? "reverted" : "not-reverted")
        markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey)
        return outcome(revert, conflict)
    }

    /// Leaves the finish mark and takes the toggle off the registry (best effort: the mark
    /// expires by itself, and a registered guard whose record is gone reads as lost).
    private func markEnded(_ env: OpsEnvironment, key: RedisKey, token: String, record: GuardRecord, toggleKey: RedisKey) {
        _ = try? GuardStore.update(env, key: key, token: token, record: record, ttl: finishedTTL)
        try? GuardStore.unregister(env, toggleKey: toggleKey)
    }

    /// The errors in the window before the flip, for a rate rule (0 for a count rule: not needed).
    private func beforeCount(_ env: OpsEnvironment, _ errors: ErrorStore, toggle: String, at start: Date)
        throws(OperationsError) -> Int
    {
        guard case .rate = rule.kind else { return 0 }
        return try errors.countDetailed(env, toggle: toggle, since: start.addingTimeInterval(-rule.window)).count
    }

    /// Sleeps in short steps until `deadline` or a stop request; true when stopped.
    private func wait(until deadline: Date, env: OpsEnvironment, shouldStop: () -> Bool) -> Bool {
        while env.now() < deadline {
            if shouldStop() { return true }
            Thread.sleep(forTimeInterval: min(0.1, max(0.01, deadline.timeIntervalSince(env.now()))))
        }
        return shouldStop()
    }
}
