import Foundation

/// The latest audit entry of a toggle, as the screen needs it. A plain value.
public struct AuditSummary: Hashable, Sendable {
    public var actor: String
    public var time: Date
    public var old: String
    public var new: String
    public var reason: String?
    /// A change opsdeck saw but did not make: the opsdeck that saw it (issue 24).
    public var seenBy: String?
    /// An observation a read-only dashboard kept in memory: in no trail, gone when it quits.
    public var notRecorded = false

    public init(
        actor: String, time: Date, old: String, new: String, reason: String? = nil,
        seenBy: String? = nil, notRecorded: Bool = false
    ) {
        self.seenBy = seenBy
        self.notRecorded = notRecorded
        self.actor = actor
        self.time = time
        self.old = old
        self.new = new
        self.reason = reason
    }

    /// Who, in the detail's words: an observed change says so, and who saw it.
    public var who: String {
        guard let seenBy else { return actor }
        return notRecorded ? "\(actor), seen here, not recorded (read-only)" : "\(actor), seen by \(seenBy)"
    }

    /// Who, in a table cell: `alice@laptop` reads as `alice`; an observed change as `outside`
    /// (`unrecorded` when only this read-only dashboard knows it).
    public var shortWho: String {
        if seenBy != nil { return notRecorded ? "unrecorded" : "outside" }
        return actor.split(separator: "@", maxSplits: 1).first.map(String.init) ?? actor
    }
}
