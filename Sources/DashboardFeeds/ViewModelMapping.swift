import Dashboard
import Foundation
import Operations

// Maps the data model (Operations) into the dashboard's own view models. The UI core does not
// import Operations, so this file is the only place that knows both.

extension ToggleRow {
    public init(_ toggle: Toggle, lastChange: AuditEntry?) {
        let status: ToggleStatus
        switch toggle.state {
        case .on: status = .on
        case .off: status = .off
        case .unknown: status = .unknown
        }
        self.init(
            name: toggle.name, rawValue: toggle.value.raw, status: status, releaseNum: toggle.releaseNum,
            fingerprint: toggle.fingerprint, override: toggle.override,
            lastChange: lastChange.flatMap(AuditSummary.init),
            flipTarget: toggle.state == .unknown ? nil : toggle.value.spelled(toggle.state == .off))
        oddSpelling = toggle.state != .unknown && !toggle.value.isCanonical
    }
}

extension AuditSummary {
    public init?(_ entry: AuditEntry) {
        guard entry.isValid, let date = entry.date else { return nil }
        self.init(
            actor: entry.actor, time: date, old: entry.old, new: entry.new, reason: entry.reason,
            seenBy: entry.seenBy, notRecorded: entry.notRecorded)
    }
}

extension SessionRow {
    public init(_ session: Session) {
        self.init(
            key: session.key.text, fields: session.fields.map { FieldRow(name: $0.name, value: $0.value) },
            ttl: session.ttl, authType: session.authType)
    }
}

extension DecisionRow {
    public init(_ decision: ToggleDecision) {
        self.init(toggle: decision.toggle, enabled: decision.enabled, reason: decision.reason.description)
    }
}

extension ErrorRow {
    /// The exception column shows the informative part (`ExceptionSummary`), not the first line.
    public init(_ record: ErrorRecord) {
        let summary = ExceptionSummary(body: record.exceptionBody)
        self.init(
            id: record.id, time: record.time, toggleName: record.toggleName, toggleValue: record.toggleValue,
            fingerprint: record.fingerPrint, firstLine: summary.headline, frame: summary.frame,
            body: record.exceptionBody)
    }
}

extension ErrorGroupRow {
    public init(_ group: ErrorGroup) {
        self.init(
            id: group.signature.key, toggleName: group.toggle, exception: group.summary.headline,
            frame: group.summary.frame, count: group.count, firstSeen: group.firstSeen, lastSeen: group.lastSeen,
            series: group.series, members: group.members.map(ErrorRow.init))
    }
}

extension ErrorRate {
    /// Each toggle's errors among `stamps` (already inside `since...now`): every record in the
    /// window by its id, so counts and series are exact.
    public static func perToggle(_ stamps: [ErrorStamp], since: Date, now: Date) -> [String: ErrorRate] {
        var times: [String: [Date]] = [:]
        for stamp in stamps { if let time = stamp.time { times[stamp.toggle, default: []].append(time) } }
        return times.mapValues { ErrorRate(count: $0.count, series: ErrorGroups.series($0, from: since, to: now), times: $0) }
    }
}

extension ErrorSearchView {
    /// A search's results, or (with no query) the poller's newest errors.
    public init(_ result: ErrorSearchResult, query: ErrorQuery?) {
        let label: String
        switch result.backend {
        case .search1: label = "RediSearch 1.x"
        case .search2: label = "RediSearch 2.x"
        case .clientSide: label = "client-side"
        }
        // On call, the newest errors matter first; the servers rank by relevance.
        let rows = result.records.map(ErrorRow.init).sorted { ($0.time ?? .distantPast) > ($1.time ?? .distantPast) }
        self.init(
            query: query?.text ?? "", total: result.total, rows: rows,
            backendLabel: label, notice: result.notice, terms: query?.matchedTerms ?? [])
    }
}

extension LogLine {
    public init(_ entry: LogEntry) {
        let level: LogLevel
        switch entry.severity {
        case .debug: level = .debug
        case .info: level = .info
        case .warning: level = .warning
        case .error: level = .error
        case .critical: level = .critical
        }
        self.init(source: entry.source, severity: level, message: entry.message, timestamp: entry.timestamp, raw: entry.raw)
    }
}
