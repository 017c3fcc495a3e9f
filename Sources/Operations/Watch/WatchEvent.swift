import Foundation

/// One thing `opsdeck watch` saw happen to the toggles (issue 24): a flip by opsdeck (an audit
/// entry explains the new value), a change made outside opsdeck (no entry does), a toggle that
/// appeared, or one that went away. A `Sendable` value; printed one per line.
public struct WatchEvent: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        case flip
        case observed
        case new
        case deleted
    }

    public var kind: Kind
    /// When it was seen (ISO-8601 UTC), or, for a flip, the audit entry's own time.
    public var time: String
    public var toggle: String
    /// The value before: nil for a new toggle.
    public var old: String?
    /// The value after: nil for a deleted toggle.
    public var new: String?
    /// Who made it: the flip's actor, `AuditEntry.outside` for an observed change, else nil.
    public var actor: String?
    public var reason: String?
    /// For an observed change: whether it is on the audit trail (false with `--read-only`,
    /// or when the server refused the write). Nil for the other kinds.
    public var recorded: Bool?

    public init(
        kind: Kind, time: String, toggle: String, old: String?, new: String?,
        actor: String? = nil, reason: String? = nil, recorded: Bool? = nil
    ) {
        self.kind = kind
        self.time = time
        self.toggle = toggle
        self.old = old
        self.new = new
        self.actor = actor
        self.reason = reason
        self.recorded = recorded
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, time, toggle, old, new, actor, reason, recorded
    }

    /// Every key on every line, null when it does not apply, so `jq` filters never miss a key.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { key in
            switch key {
            case .kind: kind
            case .time: time
            case .toggle: toggle
            case .old: old
            case .new: new
            case .actor: actor
            case .reason: reason
            case .recorded: recorded
            }
        }
    }
}
