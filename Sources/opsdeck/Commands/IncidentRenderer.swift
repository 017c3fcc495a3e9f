import Dashboard
import Foundation
import Operations

/// Renders an `IncidentReport` as Markdown or JSON, with e-mail addresses and phone numbers
/// masked as on screen (`Masking`, applied to each word of free text) and, in Markdown, every
/// line made safe (`SafeText`). Pure; used by `opsdeck incident export` and the dashboard's `x`.
enum IncidentRenderer {
    static func masked(_ report: IncidentReport) -> IncidentReport {
        var r = report
        r.changes = r.changes.map {
            var c = $0
            c.reason = c.reason.map(maskWords)
            c.actor = maskWords(c.actor)
            return c
        }
        r.groups = r.groups.map { group in
            var g = group
            g.exception = maskWords(g.exception)
            g.signature = maskWords(g.signature)
            if var sample = g.sample {
                sample.exceptionBody = maskWords(sample.exceptionBody)
                sample.fingerPrint = maskWords(sample.fingerPrint)
                sample.fields = sample.fields.mapValues(maskWords)
                g.sample = sample
            }
            return g
        }
        r.logs = r.logs.map {
            var l = $0
            l.message = maskWords(l.message)
            return l
        }
        return r
    }

    /// Each whitespace-separated word masked on its own (trailing punctuation kept), so an
    /// e-mail inside a sentence is caught; line breaks are kept.
    static func maskWords(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
                var core = Substring(word)
                var tail = ""
                while let last = core.last, ",;:)]>\"'".contains(last) {
                    tail = String(last) + tail
                    core = core.dropLast()
                }
                var head = ""
                while let first = core.first, "(<[\"'".contains(first) {
                    head += String(first)
                    core = core.dropFirst()
                }
                return head + Masking.mask(String(core)) + tail
            }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    static func json(_ report: IncidentReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(masked(report)) + Data("\n".utf8)
    }

    static func markdown(_ report: IncidentReport) -> String {
        let r = masked(report)
        let iso = ISO8601DateFormatter()
        func time(_ date: Date?) -> String { date.map { iso.string(from: $0) } ?? "unknown" }
        func safe(_ text: String, _ width: Int = 300) -> String { SafeText.line(text, width: width) }
        var out: [String] = []
        out.append("# Incident report: \(time(r.since)) to \(time(r.until ?? r.generatedAt))")
        out.append("")
        if let unread = r.errorsUnread {
            // Said before anything else: without it, an empty error section reads as "all quiet".
            out.append("> **The errors could not be read**: \(safe(unread, 400))")
            out.append("> The error groups below are unknown, not empty.")
            out.append("")
        }
        if let toggle = r.toggle { out.append("Toggle: `\(safe(toggle, 80))`  ") }
        for endpoint in r.endpoints { out.append("- Endpoint: \(safe(endpoint, 200))") }
        out.append("- Server version: \(safe(r.serverVersion ?? "unknown", 40))")
        out.append("- Error search: \(safe(r.searchBackend, 60))")
        out.append("")
        out.append("## Toggles changed (\(r.changes.count))")
        out.append("")
        if r.changes.isEmpty { out.append("No flips recorded in the window.") }
        for c in r.changes {
            // A change opsdeck only saw reads "… outside opsdeck (seen by …)", not "by outside opsdeck".
            let who = c.actor.hasPrefix(AuditEntry.outside) ? safe(c.actor, 80) : "by " + safe(c.actor, 60)
            var line = "- \(time(c.time)) **\(safe(c.toggle, 80))** \(safe(c.old, 20)) → \(safe(c.new, 20)) \(who)"
            if let reason = c.reason { line += ": “\(safe(reason, 200))”" }
            out.append(line)
        }
        if !r.toggles.isEmpty {
            out.append("")
            out.append("## Toggles now (\(r.toggles.count))")
            out.append("")
            for t in r.toggles {
                let value = t.value.map { " (`\(safe($0, 40))`)" } ?? ""
                out.append("- **\(safe(t.name, 80))** \(t.state.uppercased())\(value)")
            }
        }
        out.append("")
        out.append("## Errors per toggle (\(r.toggleErrors.count))")
        out.append("")
        if r.errorsUnread == nil, r.toggleErrors.isEmpty { out.append("No errors in the window.") }
        for t in r.toggleErrors {
            out.append("- **\(safe(t.toggle, 80))**: \(t.count) · first seen \(time(t.firstSeen)) · last seen \(time(t.lastSeen))")
        }
        out.append("")
        out.append("## Error groups (\(r.groups.count))")
        out.append("")
        if let unread = r.errorsUnread {
            out.append("Unknown: the errors could not be read (\(safe(unread, 200))).")
        } else if r.groups.isEmpty {
            out.append("No errors in the window.")
        }
        for g in r.groups {
            out.append("### \(g.countIsLowerBound ? "≥ " : "")\(g.count) × \(safe(g.exception, 200))")
            out.append("")
            out.append("- Toggle: \(safe(g.toggle, 80))")
            out.append("- First seen: \(time(g.firstSeen)) · last seen: \(time(g.lastSeen))")
            if let sample = g.sample {
                out.append("- Sample `\(safe(sample.id, 120))` (value \(safe(sample.toggleValue, 20)), \(safe(sample.fingerPrint, 80)))")
                out.append("")
                out.append("```")
                // In a code block a stack trace's tabs are its indentation: made spaces, not the
                // screen's `→` placeholder; every other unsafe character is still replaced.
                let body = SafeText.clean(sample.exceptionBody, maxScalars: 20 * 400, keepNewlines: true).text
                for line in body.split(separator: "\n").prefix(20) {
                    out.append(SafeText.truncate(String(line), width: 300).replacingOccurrences(of: "```", with: "'''"))
                }
                out.append("```")
            }
            out.append("")
        }
        out.append("## Error and critical log lines (\(r.logs.count))")
        out.append("")
        if r.logs.isEmpty { out.append("None in the window.") }
        for l in r.logs {
            var line = "- \(time(l.time)) \(safe(l.source, 40)) \(l.severity.uppercased()): \(safe(l.message, 500))"
            if l.repeats > 1 { line += " ×\(l.repeats)" + (l.firstTime.map { " (first \(time($0)))" } ?? "") }
            out.append(line)
        }
        if !r.notes.isEmpty {
            out.append("")
            out.append("## Notes")
            out.append("")
            for note in r.notes { out.append("- " + safe(note, 300)) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
