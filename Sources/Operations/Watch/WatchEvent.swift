import Foundation

/// One thing `opsdeck watch` saw happen (issue 24): to the toggles, a flip by opsdeck (an audit
/// entry explains the new value), a change made outside opsdeck (no entry does), a toggle that
/// appeared, or one that went away; to the errors, a new error group or a toggle's error rate
/// rising (`ErrorWatch`); to the server, unreachable and back, a role change, a failover
/// (`ServerWatch`). A `Sendable` value; printed one per line.
public struct WatchEvent: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        case flip
        case observed
        case new
        case deleted
        /// An error group (toggle + exception + message) not seen before.
        case errorGroup = "error-group"
        /// A toggle's errors in the last minute: at least `ErrorWatch.risingAt`, and at least
        /// twice the minute before.
        case errorRate = "error-rate"
        /// The server stopped answering (`detail`: why), and answered again.
        case unreachable
        case reachable
        /// The server's replication role changed (`old`/`new`: master, slave…).
        case role
        /// Behind Sentinels, the master moved (`detail`: from where to where).
        case failover
    }

    public var kind: Kind
    /// When it was seen (ISO-8601 UTC), or, for a flip, the audit entry's own time.
    public var time: String
    /// The toggle it is about; nil for a server event.
    public var toggle: String?
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
    /// For error and server events: what happened, in words (the group's exception and message,
    /// the counts, the reason, the move). Nil for the toggle events.
    public var detail: String?
    /// For an error group: its errors in the watched window; for a rising rate: those of the
    /// last minute. Nil for the other kinds.
    public var count: Int?

    public init(
        kind: Kind, time: String, toggle: String?, old: String? = nil, new: String? = nil,
        actor: String? = nil, reason: String? = nil, recorded: Bool? = nil, detail: String? = nil, count: Int? = nil
    ) {
        self.kind = kind
        self.time = time
        self.toggle = toggle
        self.old = old
        self.new = new
        self.actor = actor
        self.reason = reason
        self.recorded = recorded
        self.detail = detail
        self.count = count
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, time, toggle, old, new, actor, reason, recorded, detail, count
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
            case .detail: detail
            case .count: count
            }
        }
    }
}
