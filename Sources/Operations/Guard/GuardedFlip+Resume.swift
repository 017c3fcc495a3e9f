import Foundation
import RedisClient

/// Taking a running guard over (docs/guarded-flips.md, "Quitting the dashboard with a guard
/// running"): the process that started it stopped watching with the record left running
/// (`Outcome.handedOff`) and passed its token on; this process refreshes the same record with
/// that token, so there is never a gap nor a second guard, and watches until the guard's end.
/// Runs on the calling thread, which owns `env.redis`.
extension GuardedFlip {
    /// Where `opsdeck toggles guard-resume` finds the token it takes over, and the arguments
    /// (a JSON array) of the dashboard that handed it over, for the same connection.
    public static let tokenVariable = "OPSDECK_GUARD_TOKEN"
    public static let argumentsVariable = "OPSDECK_GUARD_ARGS"

    /// The guard on `name` read from its record, ready to `resume`: its rule, its end and the
    /// value it set. Fails when no guard runs there.
    public static func adopting(_ env: OpsEnvironment, name: String) throws(OperationsError) -> (GuardedFlip, GuardRecord) {
        let toggle = try ToggleStore.get(env, name: name)
        guard let record = try GuardStore.read(env, toggleKey: toggle.key), record.isRunning else {
            throw .invalidInput("no guard runs on \(toggle.name): nothing to take over")
        }
        guard let started = AsctimeTimestamp.parseISO8601(record.started),
            let ends = AsctimeTimestamp.parseISO8601(record.ends)
        else {
            throw .invalidInput("the guard record of \(toggle.name) has no readable start and end")
        }
        let value = ToggleValue(record.value)
        var guarded = GuardedFlip(
            name: toggle.name, on: value.state == .on, rule: try GuardRule(record.rule),
            duration: ends.timeIntervalSince(started))
        guarded.expectRaw = record.value
        return (guarded, record)
    }

    /// Watches the guard whose record `token` owns until its end, as `run` would have.
    public func resume(
        _ env: OpsEnvironment, record: GuardRecord, token: String, shouldStop: () -> Bool, handOff: () -> Bool = { false },
        report: (String) -> Void = { _ in }, ready: () -> Void = {}
    ) throws(OperationsError) -> Outcome {
        try env.gate.check("guard toggle \(name)")
        let toggle = try ToggleStore.get(env, name: name)
        let key = GuardRecord.key(for: toggle.key, patterns: env.patterns)
        // The first refresh proves the token: a wrong one, or a record gone, takes nothing over.
        switch try GuardStore.update(env, key: key, token: token, record: record, ttl: recordTTL) {
        case .updated: break
        case .lost: throw .invalidInput("the guard on \(toggle.name) is not this token's (ended, expired or taken over)")
        case .cancelled(let by): throw .invalidInput("the guard on \(toggle.name) was cancelled by \(by)")
        }
        ready()
        let started = AsctimeTimestamp.parseISO8601(record.started) ?? env.now()
        let flip = FlipResult(toggle: toggle, old: toggle.value.spelled(!on), new: record.value, audit: nil)
        let watch = Watch(
            key: key, toggleKey: toggle.key, token: token, toggle: toggle.name,
            errors: ErrorStore(module: try ErrorStore().resolveModule(env)), flip: flip,
            // The record keeps the start, not the flip's second: a few milliseconds earlier.
            flipped: Date(timeIntervalSince1970: started.timeIntervalSince1970.rounded(.down)),
            ends: started.addingTimeInterval(duration), before: record.before)
        return watch.run(self, env, record: record, shouldStop: shouldStop, handOff: handOff, report: report)
    }
}
