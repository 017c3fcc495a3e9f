import Foundation
import Operations

/// The guard rows of `toggles get` (docs/guarded-flips.md, "Seeing a guard"): `guarded · 12m left ·
/// 3/20` while one runs, how the last one ended while its finish mark lasts. A pure namespace.
enum GuardRows {
    static func of(_ record: GuardRecord?, now: Date) -> [[String]] {
        guard let record else { return [] }
        var rows = [["guard", status(record, now: now)]]
        rows += [
            ["guard rule", record.rule], ["guard figures", record.figures],
            ["guard by", "\(record.actor) from \(record.started) to \(record.ends)"],
        ]
        return rows
    }

    /// `guarded · 12m left · 3/20` while it runs, `ended: reverted` after.
    static func status(_ record: GuardRecord, now: Date) -> String {
        guard record.isRunning else { return "ended: \(record.state) (\(record.figures))" }
        let ends = ISO8601DateFormatter().date(from: record.ends)
        let left = ends.map { max(0, $0.timeIntervalSince(now)) }.map { GuardRule.spell(($0 / 60).rounded(.up) * 60) } ?? "?"
        return "guarded · \(left) left · \(record.progress)"
    }
}
