import Foundation

/// Everything the toggle detail shows: its fields as stored, the rule in words, how many
/// sessions get it now, its audit trail (with edits made outside opsdeck marked) and its recent
/// errors. Read in one effect; a plain value.
public struct ToggleDetail: Hashable, Sendable {
    public var name: String
    public var key: String
    /// Every field of the hash, in the order Redis returned them.
    public var fields: [FieldRow]
    /// The evaluation rule in words, e.g. "ON for sessions with authType = fb-user".
    public var rule: String
    /// Sessions that get the toggle now, of all sessions.
    public var reached: Int
    public var totalSessions: Int
    /// Flips recorded by the audit trail, newest first.
    public var history: [AuditSummary]
    /// Set when the stored value is not what the newest audited flip wrote: someone changed it
    /// outside opsdeck (the value and the audit's value, in words).
    public var outsideChange: String?
    /// Errors recorded for this toggle (nil when they could not be counted, see `errorsNote`).
    public var errorCount: Int?
    public var recentErrors: [ErrorRow]
    public var errorsNote: String?
    public var fetchedAt: Date
    /// The value is neither on nor off: no session gets a decision, so the detail says that
    /// instead of "0 of N get it now" (issue 24, bug 4).
    public var undecided = false

    public init(
        name: String, key: String, fields: [FieldRow], rule: String, reached: Int, totalSessions: Int,
        history: [AuditSummary], outsideChange: String?, errorCount: Int?, recentErrors: [ErrorRow],
        errorsNote: String?, fetchedAt: Date
    ) {
        self.name = name
        self.key = key
        self.fields = fields
        self.rule = rule
        self.reached = reached
        self.totalSessions = totalSessions
        self.history = history
        self.outsideChange = outsideChange
        self.errorCount = errorCount
        self.recentErrors = recentErrors
        self.errorsNote = errorsNote
        self.fetchedAt = fetchedAt
    }
}

/// The Toggles pane's detail view: waiting, showing, or why it could not be read. A plain value.
public enum ToggleDetailState: Hashable, Sendable {
    case loading(name: String)
    case loaded(ToggleDetail)
    case failed(name: String, error: String)

    public var name: String {
        switch self {
        case .loading(let name), .failed(let name, _): return name
        case .loaded(let detail): return detail.name
        }
    }
}

extension ToggleDetail {
    /// The detail with the table's observation when only this read-only dashboard knows it
    /// (`AuditSummary.notRecorded`): it is in no trail the detail read, and must not vanish
    /// from the place people look for "who changed it".
    func withUnrecorded(_ change: AuditSummary?) -> ToggleDetail {
        guard let change, change.notRecorded, history.first.map({ $0.time <= change.time }) ?? true else { return self }
        var copy = self
        copy.history.insert(change, at: 0)
        copy.outsideChange = nil
        return copy
    }
}
