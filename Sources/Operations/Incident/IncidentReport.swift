import Foundation
import RedisClient

/// "What changed, and what is throwing since?" for one time window: the server, the toggles
/// flipped in the window with their audit, the error groups (count, first/last seen, a sample
/// each) and the error and critical log lines. Collected once (`collect`), then rendered as
/// Markdown or JSON by the CLI and the dashboard's export key alike. Values are as read from
/// Redis: the renderer masks personal data and makes text safe. An immutable value; `Sendable`.
public struct IncidentReport: Sendable, Codable, Hashable {
    public struct Change: Sendable, Codable, Hashable {
        public var toggle: String
        public var actor: String
        public var time: Date
        public var old: String
        public var new: String
        public var reason: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case toggle, actor, time, old, new, reason }

        public func encode(to encoder: any Encoder) throws {
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .toggle: toggle
                case .actor: actor
                case .time: time
                case .old: old
                case .new: new
                case .reason: reason
                }
            }
        }
    }

    public struct Group: Sendable, Codable, Hashable {
        public var toggle: String
        /// The informative part of the exception (`ExceptionSummary.line`).
        public var exception: String
        public var signature: String
        public var count: Int
        public var firstSeen: Date?
        public var lastSeen: Date?
        public var sample: ErrorRecord?
        /// Not every record of this toggle in the window was read: `count` is a lower bound.
        public var countIsLowerBound = false

        enum CodingKeys: String, CodingKey, CaseIterable {
            case toggle, exception, signature, count, firstSeen, lastSeen, sample, countIsLowerBound
        }

        public func encode(to encoder: any Encoder) throws {
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .toggle: toggle
                case .exception: exception
                case .signature: signature
                case .count: count
                case .firstSeen: firstSeen
                case .lastSeen: lastSeen
                case .sample: sample
                case .countIsLowerBound: countIsLowerBound
                }
            }
        }
    }

    public struct LogLine: Sendable, Codable, Hashable {
        public var source: String
        public var severity: String
        public var time: Date?
        public var message: String
        /// How many identical lines this one stands for (`collapsed`), and the oldest's time.
        public var repeats = 1
        public var firstTime: Date?

        enum CodingKeys: String, CodingKey, CaseIterable { case source, severity, time, message, repeats, firstTime }

        public func encode(to encoder: any Encoder) throws {
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .source: source
                case .severity: severity
                case .time: time
                case .message: message
                case .repeats: repeats
                case .firstTime: firstTime
                }
            }
        }
    }

    public var generatedAt: Date
    public var since: Date
    /// The window's end when one was set (the dashboard's `:to`); nil: up to `generatedAt`.
    public var until: Date? = nil
    public var toggle: String?
    public var endpoints: [String]
    public var serverVersion: String?
    public var searchBackend: String
    public var changes: [Change]
    /// The current state of every toggle the report names (issue 24).
    public var toggles: [ToggleNow] = []
    public var groups: [Group]
    /// Each toggle's errors in the window, exact (from every record's id, issue 23), biggest first.
    public var toggleErrors: [ToggleErrorTotal] = []
    public var logs: [LogLine]
    /// What the report could not read or had to cut, in words.
    public var notes: [String]
    /// Why the errors could not be read (a missing error index, a refusal), nil when they were:
    /// then `groups` being empty means nothing, and the report says so first (issue 29).
    public var errorsUnread: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case generatedAt, since, until, toggle, endpoints, serverVersion, searchBackend, changes, toggles, groups, toggleErrors, logs, notes
        case errorsUnread
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .generatedAt: generatedAt
            case .since: since
            case .until: until
            case .toggle: toggle
            case .endpoints: endpoints
            case .serverVersion: serverVersion
            case .searchBackend: searchBackend
            case .changes: changes
            case .toggles: toggles
            case .groups: groups
            case .toggleErrors: toggleErrors
            case .logs: logs
            case .notes: notes
            case .errorsUnread: errorsUnread
            }
        }
    }

    /// Reads everything for `since...until` (`until` nil: now; optionally one toggle). Each part degrades on its own:
    /// what cannot be read is said in `notes`, never shown as "nothing happened". Runs on the
    /// thread that owns `env.redis`.
    public static func collect(
        _ env: OpsEnvironment, endpoint: String, since: Date, until: Date? = nil, toggle: String? = nil,
        module: SearchModule? = nil
    ) -> IncidentReport {
        let generated = env.now()
        // The window's end: what happened after `:to` is not part of the report.
        let now = until.map { min($0, generated) } ?? generated
        var notes: [String] = []
        func wanted(_ name: String) -> Bool { toggle.map { $0.lowercased() == name.lowercased() } ?? true }

        var version: String?
        do {
            let info = try env.run { redis throws(RedisError) in try redis.execute("INFO", "server").string ?? "" }
            for line in info.split(whereSeparator: \.isNewline) where line.hasPrefix("redis_version:") {
                version = String(line.dropFirst("redis_version:".count))
            }
        } catch { notes.append("server version unknown: \(error.description)") }

        var changes: [Change] = []
        do {
            for entry in try AuditStore.history(env, limit: 1_000) {
                guard let date = entry.date, date >= since, date <= now, wanted(entry.toggle) else { continue }
                // A change opsdeck saw but did not make says so, and who saw it (issue 24).
                let actor = entry.seenBy.map { "\(entry.actor) (seen by \($0))" } ?? entry.actor
                changes.append(
                    Change(
                        toggle: entry.toggle, actor: actor, time: date, old: entry.old,
                        new: entry.new, reason: entry.reason))
            }
        } catch { notes.append("audit trail not read: \(error.description)") }

        var groups: [Group] = []
        var toggleErrors: [ToggleErrorTotal] = []
        var errorsUnread: String?
        var backend = "unknown"
        do {
            let store = ErrorStore(module: module)
            let resolved = try store.resolveModule(env)
            backend = resolved.description
            let overview = try store.overview(env, latest: 0, since: since)
            let stamps = overview.windowStamps.filter { ($0.time ?? .distantFuture) <= now && wanted($0.toggle) }
            toggleErrors = ToggleErrorTotal.of(stamps)
            let totals = Dictionary(toggleErrors.map { ($0.toggle, $0.count) }, uniquingKeysWith: { a, _ in a })
            var read: [String: Int] = [:]
            for record in overview.window where (record.time ?? .distantFuture) <= now { read[record.toggleName, default: 0] += 1 }
            if overview.windowTruncated {
                notes.append("more errors in the window than bodies read: a group marked ≥ counts those read; per-toggle totals are exact")
            }
            for group in ErrorGroups.build(overview.window, since: since, now: now) where wanted(group.toggle) {
                groups.append(
                    Group(
                        toggle: group.toggle, exception: group.summary.line, signature: group.signature.key,
                        count: group.count, firstSeen: group.firstSeen, lastSeen: group.lastSeen,
                        sample: group.sample,
                        countIsLowerBound: read[group.toggle, default: 0] < totals[group.toggle, default: 0]))
            }
        } catch {
            errorsUnread = error.description
            notes.append("errors not read: \(error.description)")
        }

        var logs: [LogLine] = []
        do {
            var undated = 0
            for entry in try LogStore.recent(env, filter: LogFilter(minimumSeverity: .error), limit: 2_000) {
                guard let time = entry.timestamp else {
                    undated += 1
                    continue
                }
                guard time >= since, time <= now.addingTimeInterval(60) else { continue }
                logs.append(LogLine(source: entry.source, severity: "\(entry.severity)", time: time, message: entry.message))
            }
            if undated > 0 { notes.append("\(undated) error/critical log lines without a timestamp left out") }
        } catch { notes.append("logs not read: \(error.description)") }

        var report = IncidentReport(
            generatedAt: generated, since: since, until: until.map { _ in now }, toggle: toggle, endpoints: [endpoint],
            serverVersion: version,
            searchBackend: backend, changes: changes.sorted { $0.time < $1.time }, groups: groups,
            toggleErrors: toggleErrors,
            logs: collapsed(logs), notes: notes, errorsUnread: errorsUnread)
        let named =
            (toggle.map { [$0] } ?? []) + report.changes.map(\.toggle) + groups.map(\.toggle)
            + toggleErrors.map(\.toggle)
        report.toggles = current(env, names: named, notes: &report.notes)
        return report
    }
}
