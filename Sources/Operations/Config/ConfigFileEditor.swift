import Foundation

/// Changes `current-context` in the text of a config file, keeping everything else as it was —
/// comments, order, quoting — which a YAML round trip would lose. Pure; thread-safe.
///
/// The edit replaces the value of a top-level `current-context:` line (keeping a trailing
/// comment), or adds that line before the first key. The caller checks the result by parsing it
/// and falls back to rewriting the file when the text has a shape this edit does not handle
/// (a flow mapping, a multi-line value).
public enum ConfigFileEditor {
    /// The text with `current-context` set to `name`, or nil when the file's layout is not one
    /// a line edit can change safely.
    public static func settingCurrentContext(_ name: String, in text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        let entry = "current-context: \(scalar(name))"
        if let index = lines.firstIndex(where: { $0.hasPrefix("current-context:") }) {
            let value = lines[index].dropFirst("current-context:".count)
            // A trailing comment needs a space before '#'; quoted values may hold " #" themselves.
            var comment: Substring?
            if !value.contains("\""), !value.contains("'"), var start = value.range(of: " #")?.lowerBound {
                // Keep the spaces that aligned the comment.
                while start > value.startIndex, value[value.index(before: start)] == " " { start = value.index(before: start) }
                comment = value[start...]
            }
            lines[index] = entry + (comment ?? "")
            return lines.joined(separator: "\n")
        }
        let firstContent = lines.firstIndex { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#") && !trimmed.hasPrefix("%") && trimmed != "---"
        }
        guard let at = firstContent else { return entry + "\n" + text }
        guard let first = lines[at].first, first.isLetter || first == "\"" || first == "'" else { return nil }
        lines.insert(entry, at: at)
        return lines.joined(separator: "\n")
    }

    /// `name` as a YAML scalar: plain when that reads back as the same text, else double-quoted.
    static func scalar(_ name: String) -> String {
        let plain = name.range(of: #"^[A-Za-z_][A-Za-z0-9_.-]*$"#, options: .regularExpression) != nil
        let special = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(name.lowercased())
        if plain && !special { return name }
        let data = (try? JSONEncoder().encode(name)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
