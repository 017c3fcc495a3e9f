/// How an exception fits a table column: the informative part (class and message, computed by
/// the data layer) cut with `…` so the first application frame stays visible
/// (`ArrayIndexOutOfBoundsException: Index 5 … · Cart.java:88`); for a search whose words the
/// column would not show, the snippet of the body around the first match instead, so the
/// highlight is on screen at 80 columns. The one rule for the Errors table and the group rows.
/// Stateless; main queue.
enum ExceptionText {
    static func cell(exception: String, frame: String, body: String = "", terms: [String] = [], width: Int) -> String {
        guard width > 0 else { return "" }
        let text = fit(exception: SafeText.line(exception, width: 400), frame: SafeText.line(frame, width: 60), width: width)
        let needles = terms.filter { !$0.isEmpty }.map { $0.lowercased() }
        guard !needles.isEmpty, !needles.contains(where: { text.lowercased().contains($0) }),
            let snippet = snippet(body, terms: needles, width: width)
        else { return text }
        return snippet
    }

    static func fit(exception: String, frame: String, width: Int) -> String {
        let full = frame.isEmpty ? exception : exception + " · " + frame
        if TextWidth.of(full) <= width || frame.isEmpty { return full }
        let tail = " · " + frame
        let room = width - TextWidth.of(tail)
        guard room >= 8 else { return full }
        return SafeText.line(exception, width: room) + tail
    }

    /// The body on one line from a little before the first match of any of `terms` (lowercased),
    /// `…` marking what was cut; nil when no term occurs.
    static func snippet(_ body: String, terms: [String], width: Int) -> String? {
        let flat = String(body.prefix(20_000).map { $0.isNewline || $0 == "\t" ? " " : $0 })
        let lowered = flat.lowercased()
        guard lowered.count == flat.count,
            let hit = terms.compactMap({ lowered.range(of: $0)?.lowerBound }).min()
        else { return nil }
        let offset = lowered.distance(from: lowered.startIndex, to: hit)
        let lead = max(0, min(offset, width / 4))
        let start = flat.index(flat.startIndex, offsetBy: offset - lead)
        let text =
            (offset - lead > 0 ? "…" : "") + flat[start...].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return SafeText.line(text, width: width)
    }
}
