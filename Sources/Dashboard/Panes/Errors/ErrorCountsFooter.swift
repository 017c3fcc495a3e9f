import Foundation

/// The Errors pane's per-toggle counts when the pane is too narrow for the side list: entries
/// (`paymentRetryV3 360`) wrapped over up to `maxRows` rows, never cut inside an entry, and a
/// last `+N more` when even those rows cannot hold them all. Found in issue 23's storm trial
/// at 80x24: one row cut after the three loud toggles, and the quieter culprit had no place at
/// all. Pure; main queue.
enum ErrorCountsFooter {
    static let maxRows = 3
    static let lead = "Per toggle: "

    /// The rows for `counts` (sorted as the pane sorts them) at `width`.
    static func lines(_ counts: [ToggleCount], width: Int, theme: Theme) -> [Line] {
        guard width > lead.count, !counts.isEmpty else { return [] }
        let entries = counts.map { (name: SafeText.line($0.toggle, width: 40), count: Formatting.count($0.count)) }
        var lines: [[Span]] = [[Span(lead, style: theme[.header])]]
        var used = lead.count
        var entriesOnRow = 0
        for (i, entry) in entries.enumerated() {
            let width1 = TextWidth.of(entry.name) + 1 + entry.count.count
            // On the last row, room stays for `· +N more` while entries remain after this one.
            let after = entries.count - i - 1
            let reserve = lines.count == maxRows && after > 0 ? " · +\(Formatting.count(after)) more".count : 0
            let separator = entriesOnRow > 0 ? " · " : ""
            if entriesOnRow > 0, used + separator.count + width1 + reserve > width {
                if lines.count == maxRows {
                    lines[lines.count - 1].append(Span(" · +\(Formatting.count(entries.count - i)) more", style: theme[.muted]))
                    break
                }
                lines.append([])
                used = 0
                entriesOnRow = 0
            }
            let sep = entriesOnRow > 0 ? " · " : ""
            lines[lines.count - 1].append(Span(sep + entry.name + " "))
            lines[lines.count - 1].append(Span(entry.count, style: Style(bold: true)))
            used += sep.count + width1
            entriesOnRow += 1
        }
        return lines.map { Line($0) }
    }
}
