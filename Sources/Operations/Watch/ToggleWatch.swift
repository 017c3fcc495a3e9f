import Foundation
import RedisClient

/// The toggles half of `opsdeck watch` (issue 24): each `step` reads every toggle's value and
/// reports what changed since the step before, as `WatchEvent`s, putting changes made outside
/// opsdeck on the audit trail as the dashboard does (`ObservedChange`) unless the environment's
/// gate is read-only.
///
/// The first step only learns the values: what was already there is not news. A step that
/// fails (the server went away) changes nothing, so the next one compares with the last values
/// seen and nothing is lost across a restart. Owned by one loop; not thread-safe.
public struct ToggleWatch {
    /// The last values seen, by toggle name; nil before the first step.
    private var known: [String: String]?

    public init() {}

    public mutating func step(_ env: OpsEnvironment) throws(OperationsError) -> [WatchEvent] {
        let toggles = try ToggleStore.fetch(env, keys: ToggleStore.discover(env))
            .sorted { $0.name < $1.name }
        defer { known = Dictionary(toggles.map { ($0.name, $0.value.raw) }, uniquingKeysWith: { first, _ in first }) }
        guard let known else { return [] }
        let now = AsctimeTimestamp.iso8601(env.now())
        var events: [WatchEvent] = []
        var moved: [Toggle] = []
        for toggle in toggles {
            guard let old = known[toggle.name] else {
                events.append(WatchEvent(kind: .new, time: now, toggle: toggle.name, old: nil, new: toggle.value.raw))
                continue
            }
            if old != toggle.value.raw { moved.append(toggle) }
        }
        events += try changes(env, moved, known: known, now: now)
        let present = Set(toggles.map(\.name))
        for (name, old) in known.sorted(by: { $0.key < $1.key }) where !present.contains(name) {
            events.append(WatchEvent(kind: .deleted, time: now, toggle: name, old: old, new: nil))
        }
        return events
    }

    /// A flip when the toggle's newest audit entry ends at the value (opsdeck wrote it), else an
    /// observed change, recorded unless read-only. Another watcher may record it first: then
    /// its entry is reported, as the trail now says.
    private func changes(
        _ env: OpsEnvironment, _ moved: [Toggle], known: [String: String], now: String
    ) throws(OperationsError) -> [WatchEvent] {
        guard !moved.isEmpty else { return [] }
        let latest = try AuditStore.latest(env, toggles: moved)
        var events: [WatchEvent] = []
        for toggle in moved {
            let old = known[toggle.name] ?? ""
            if ObservedChange.isExplained(toggle, by: latest[toggle.name]), let entry = latest[toggle.name] {
                events.append(Self.event(entry, toggle: toggle, old: old))
                continue
            }
            var recorded = false
            if !env.gate.readOnly {
                do {
                    if try ObservedChange.record(env, toggle: toggle, old: old) == nil,
                        let entry = try AuditStore.latest(env, toggles: [toggle])[toggle.name],
                        ObservedChange.isExplained(toggle, by: entry)
                    {
                        events.append(Self.event(entry, toggle: toggle, old: old))
                        continue
                    }
                    recorded = true
                } catch {
                    if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
                }
            }
            events.append(
                WatchEvent(
                    kind: .observed, time: now, toggle: toggle.name, old: old, new: toggle.value.raw,
                    actor: AuditEntry.outside, recorded: recorded))
        }
        return events
    }

    private static func event(_ entry: AuditEntry, toggle: Toggle, old: String) -> WatchEvent {
        if entry.isObserved {
            return WatchEvent(
                kind: .observed, time: entry.time, toggle: toggle.name, old: entry.old, new: entry.new,
                actor: AuditEntry.outside, recorded: true)
        }
        return WatchEvent(
            kind: .flip, time: entry.time, toggle: toggle.name, old: entry.old, new: entry.new,
            actor: entry.actor, reason: entry.reason)
    }
}
