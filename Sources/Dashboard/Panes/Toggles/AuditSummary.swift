import Foundation

/// The latest audit entry of a toggle, as the screen needs it. A plain value.
public struct AuditSummary: Hashable, Sendable {
    public var actor: String
    public var time: Date
    public var old: String
    public var new: String
    public var reason: String?

    public init(actor: String, time: Date, old: String, new: String, reason: String? = nil) {
        self.actor = actor
        self.time = time
        self.old = old
        self.new = new
        self.reason = reason
    }
}
