import Foundation
import RedisClient

/// The errors half of `opsdeck watch` (issue 24): each `step` reads the error database's last
/// `window` seconds (`ErrorStore.overview`, bodies read once each) and reports an error group
/// not seen before (`ErrorGroups`' signature: toggle, exception, message) and a toggle whose
/// error rate is rising.
///
/// The rising rule (docs/DECISIONS.md, "opsdeck watch: errors and the server"): a toggle's
/// errors in the last minute are at least `risingAt` and at least twice those of the minute
/// before. It is reported once when it starts, and again only after it stopped rising. Like
/// `ToggleWatch`, the first step only learns: what was already there is not news. Owned by one
/// loop; not thread-safe.
public struct ErrorWatch {
    /// Seconds of errors looked at for new groups.
    public var window: Double = 600
    /// Errors in the last minute from which a doubling counts as rising.
    public var risingAt = 10
    private var store = ErrorStore()
    /// Group signatures seen so far; nil before the first step.
    private var seenGroups: Set<ErrorSignature>?
    /// Toggles rising at the last step.
    private var rising: Set<String> = []
    /// Bodies already read, by key: a record is written once.
    private var bodies: [String: ErrorRecord] = [:]

    public init() {}

    public mutating func step(_ env: OpsEnvironment) throws(OperationsError) -> [WatchEvent] {
        let now = env.now()
        let overview = try store.overview(env, latest: 0, since: now.addingTimeInterval(-window), windowLimit: 5_000, known: bodies)
        bodies = Dictionary(overview.window.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let time = AsctimeTimestamp.iso8601(now)
        let groups = ErrorGroups.build(overview.window, since: now.addingTimeInterval(-window), now: now)
        let risingNow = Self.rising(overview.windowStamps, now: now, risingAt: risingAt)
        defer {
            seenGroups = (seenGroups ?? []).union(groups.map(\.signature))
            rising = Set(risingNow.keys)
        }
        guard let seenGroups else { return [] }
        var events: [WatchEvent] = []
        // Oldest first: the order they appeared in.
        for group in groups.reversed() where !seenGroups.contains(group.signature) {
            events.append(
                WatchEvent(kind: .errorGroup, time: time, toggle: group.toggle, detail: group.summary.line, count: group.count))
        }
        for (toggle, counts) in risingNow.sorted(by: { $0.key < $1.key }) where !rising.contains(toggle) {
            events.append(
                WatchEvent(
                    kind: .errorRate, time: time, toggle: toggle,
                    detail: "\(counts.last) errors in the last minute, \(counts.before) the minute before", count: counts.last))
        }
        return events
    }

    /// The toggles whose errors rise by the rule, with the last minute's and the one before's.
    static func rising(_ stamps: [ErrorStamp], now: Date, risingAt: Int) -> [String: (last: Int, before: Int)] {
        var counts: [String: (last: Int, before: Int)] = [:]
        for stamp in stamps {
            guard let time = stamp.time else { continue }
            let age = now.timeIntervalSince(time)
            if age >= 0 && age < 60 {
                counts[stamp.toggle, default: (0, 0)].last += 1
            } else if age >= 60 && age < 120 {
                counts[stamp.toggle, default: (0, 0)].before += 1
            }
        }
        return counts.filter { $0.value.last >= risingAt && $0.value.last >= 2 * $0.value.before }
    }
}
