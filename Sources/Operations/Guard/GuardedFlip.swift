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
public struct GuardedFlip: Sendable {
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
    /// The exact raw value the flip must find (the dashboard's dialog: what the screen showed);
    /// nil flips from the value it reads (the CLI).
    public var expectRaw: String?

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
        /// `handOff` asked: the watch stopped with the record left running, for another process
        /// holding `token` to go on with (`resume`, the dashboard's "keep running headless").
        case handedOff(flip: FlipResult, token: String)
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
        _ env: OpsEnvironment, shouldStop: () -> Bool, handOff: () -> Bool = { false },
        held: (String, String) -> Void = { _, _ in },
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
            figures: rule.evaluate(count: 0, watched: 0, before: before).figures, before: before)
        let token: String
        switch try GuardStore.claim(env, key: key, record: record, ttl: recordTTL) {
        case .held(let actor, let since):
            held(actor, since)
            return nil
        case .claimed(let claimed): token = claimed
        }
        let flip: FlipResult
        do {
            flip = try ToggleStore.flip(env, name: name, to: on, expectRaw: expectRaw, reason: reason)
        } catch {
            record.state = "failed"
            Self.markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey, ttl: finishedTTL)
            throw error
        }
        guard flip.changed else {
            record.state = "not-needed"
            Self.markEnded(env, key: key, token: token, record: record, toggleKey: toggleKey, ttl: finishedTTL)
            return .notNeeded(flip)
        }
        record.value = flip.new
        do { try GuardStore.register(env, toggleKey: toggle.key, ends: started.addingTimeInterval(duration)) } catch {
            report("warning: the guard is not listed in \(GuardRecord.registry(env.patterns)): \(error.description)")
        }
        onFlip(flip)
        // Errors stamped in the flip's second count: ids have whole seconds.
        let flipped = Date(timeIntervalSince1970: env.now().timeIntervalSince1970.rounded(.down))
        let watch = Watch(
            key: key, toggleKey: toggleKey, token: token, toggle: toggle.name, errors: errors, flip: flip,
            flipped: flipped, ends: started.addingTimeInterval(duration), before: before)
        return watch.run(self, env, record: record, shouldStop: shouldStop, handOff: handOff, report: report)
    }

    /// The errors in the window before the flip, for a rate rule (0 for a count rule: not needed).
    private func beforeCount(_ env: OpsEnvironment, _ errors: ErrorStore, toggle: String, at start: Date)
        throws(OperationsError) -> Int
    {
        guard case .rate = rule.kind else { return 0 }
        return try errors.countDetailed(env, toggle: toggle, since: start.addingTimeInterval(-rule.window)).count
    }
}
