import Foundation
import RedisClient

/// The record a running guard keeps beside its toggle (docs/guarded-flips.md, "The record"):
/// a hash at `GuardRecord.key(for:patterns:)`, in the toggle's cluster slot, refreshed with a
/// short TTL while the guard runs and left with a finish mark (`state` other than `running`) for
/// a few minutes when it ends. A record that is gone while its guard should still run means the
/// guard process died. An immutable `Sendable` value read from the hash's fields.
public struct GuardRecord: Sendable, Hashable {
    /// `running` while watched; then `held`, `reverted`, `not-reverted`, `interrupted`, `cancelled`, `not-needed`, `failed`.
    public var state: String
    public var toggle: String
    public var rule: String
    public var actor: String
    public var started: String
    public var ends: String
    /// The raw value the guard set (and would revert).
    public var value: String
    /// The errors counted so far and the short progress figure (`3/20`).
    public var count: Int
    public var progress: String
    /// The figures in words (`3 errors in 5m <= 20`).
    public var figures: String
    /// The errors in the rule's window before the flip (a rate rule's baseline; 0 for a count
    /// rule), kept so a process taking the guard over (`GuardedFlip.resume`) compares the same way.
    public var before: Int = 0
    /// Who cancelled it (`state` `cancelled`, `GuardStore.cancel`); empty otherwise. Written by the
    /// cancel script only, so not in `fields`.
    public var cancelledBy: String = ""

    public var isRunning: Bool { state == "running" }

    /// The guard key of a toggle: `opsdeck:guard:{<hashed part>}` (for the default audit key
    /// `opsdeck:audit`), tagged exactly like the toggle's audit list (`AuditKey`), so record,
    /// toggle and audit share a slot.
    public static func key(for toggleKey: RedisKey, patterns: KeyPatterns) -> RedisKey {
        AuditKey.forToggle(toggleKey, base: base(patterns))
    }

    /// The sorted set of guarded toggle keys, scored by their guard's end (`opsdeck:guards`), so
    /// a dashboard finds every guard with one command and tells a lost one (registered, record
    /// expired) from one that finished (taken off).
    public static func registry(_ patterns: KeyPatterns) -> String { base(patterns) + "s" }

    /// `opsdeck:guard` beside `opsdeck:audit`; `<audit-key>:guard` for an audit key of another shape.
    public static func base(_ patterns: KeyPatterns) -> String {
        patterns.auditKey.hasSuffix("audit") ? String(patterns.auditKey.dropLast(5)) + "guard" : patterns.auditKey + ":guard"
    }

    public init(
        state: String, toggle: String, rule: String, actor: String, started: String, ends: String,
        value: String = "", count: Int = 0, progress: String = "", figures: String = "", before: Int = 0
    ) {
        self.state = state
        self.toggle = toggle
        self.rule = rule
        self.actor = actor
        self.started = started
        self.ends = ends
        self.value = value
        self.count = count
        self.progress = progress
        self.figures = figures
        self.before = before
    }

    /// From HGETALL's pairs; nil without a `state` field (not a guard record).
    public init?(pairs: [(String, String)]) {
        let fields = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        guard let state = fields["state"] else { return nil }
        self.init(
            state: state, toggle: fields["name"] ?? "", rule: fields["rule"] ?? "", actor: fields["actor"] ?? "",
            started: fields["started"] ?? "", ends: fields["ends"] ?? "", value: fields["value"] ?? "",
            count: Int(fields["count"] ?? "") ?? 0, progress: fields["progress"] ?? "", figures: fields["figures"] ?? "",
            before: Int(fields["before"] ?? "") ?? 0)
        cancelledBy = fields["cancelledBy"] ?? ""
    }

    /// The fields written to the hash (the owner's token is added by `GuardStore`).
    var fields: [(String, String)] {
        [
            ("state", state), ("name", toggle), ("rule", rule), ("actor", actor), ("started", started), ("ends", ends),
            ("value", value), ("count", String(count)), ("progress", progress), ("figures", figures), ("before", String(before)),
        ]
    }
}
