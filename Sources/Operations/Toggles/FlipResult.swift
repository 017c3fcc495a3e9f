/// What a flip did: the toggle as it is now, the raw value before and after, and the audit entry
/// written with it. When the toggle already had the requested state nothing is written:
/// `changed` is false and `audit` is nil. A `Sendable` value.
public struct FlipResult: Sendable, Hashable, Codable {
    public let toggle: Toggle
    public let old: String
    public let new: String
    public let changed: Bool
    public let audit: AuditEntry?
    /// Why the log line that announces the flip could not be written (the flip itself stands).
    public var logFailure: String?
    /// How the outcome was learned when it was not from the flip's own reply ("the reply was
    /// lost; …"), nil normally.
    public var note: String?

    public init(toggle: Toggle, old: String, new: String, audit: AuditEntry?) {
        self.toggle = toggle
        self.old = old
        self.new = new
        self.changed = audit != nil
        self.audit = audit
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case toggle, old, new, changed, audit
        case logFailure = "log-failure"
        case note
    }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .toggle: toggle
            case .old: old
            case .new: new
            case .changed: changed
            case .audit: audit
            case .logFailure: logFailure
            case .note: note
            }
        }
    }
}
