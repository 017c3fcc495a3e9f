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

    enum CodingKeys: String, CodingKey {
        case toggle, old, new, changed, audit
        case logFailure = "log-failure"
        case note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(toggle, forKey: .toggle)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(changed, forKey: .changed)
        try container.encode(audit, forKey: .audit)
        try container.encodeIfPresent(logFailure, forKey: .logFailure)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
