/// Makes untrusted text (anything read from Redis) safe to put on a terminal. Stateless.
///
/// Guarantees: no C0/C1 control, DEL or ESC ever comes out — each becomes a visible placeholder
/// (`\n` → `↵`, tab → `→`, ESC → `␛`, other C0 → its control picture U+2400+n, DEL → `␡`,
/// C1 → `�`); invalid UTF-8 becomes U+FFFD; bidi overrides/isolates/marks become `�` so text
/// cannot reorder what follows it; runs of more than `maxCombining` combining marks are cut.
/// Every entry point that takes a width only reads a bounded prefix of its input, so a
/// multi-megabyte value costs about as much as a short one.
public enum SafeText {
    public static let ellipsis: Character = "…"
    /// Longest run of combining marks kept on one base character ("zalgo" text is cut).
    public static let maxCombining = 8
    /// Scalars looked at per column of output before giving up and adding an ellipsis.
    static let scalarsPerColumn = 16

    // MARK: Placeholders

    /// The visible stand-in for an unsafe scalar, or nil when the scalar is safe.
    public static func placeholder(for s: Unicode.Scalar) -> String? {
        let v = s.value
        switch v {
        case 0x20..<0x7F: return nil
        case 0x0A: return "↵"
        case 0x09: return "→"
        case 0x1B: return "␛"
        case 0x00..<0x20: return String(Unicode.Scalar(0x2400 + v)!)
        case 0x7F: return "␡"
        case 0x80..<0xA0: return "\u{FFFD}"
        case 0x2028, 0x2029: return "↵"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return "\u{FFFD}"
        default: return nil
        }
    }

    /// True when a grapheme holds any scalar that must not reach the terminal.
    public static func needsReplacement(_ ch: Character) -> Bool {
        if ch.utf8.count == 1 {
            let b = ch.utf8.first!
            return b < 0x20 || b == 0x7F
        }
        for s in ch.unicodeScalars where placeholder(for: s) != nil { return true }
        return false
    }

    /// The placeholder for a whole unsafe grapheme (CR LF counts as one line break).
    public static func placeholder(for ch: Character) -> String {
        if ch == "\r\n" { return "↵" }
        for s in ch.unicodeScalars { if let p = placeholder(for: s) { return p } }
        return String(ch)
    }

    // MARK: Clusters terminals disagree on

    /// What to draw for a grapheme whose width terminals disagree on, or nil to draw it as it is.
    /// A ZWJ sequence (👩‍💻) is one 2-column glyph in some terminals and its parts side by side
    /// in others (tmux 3.3 among them: 4 columns, the border shifts, the joiner lands on the next
    /// row), so only the part before the first joiner is drawn (👩). A flag (a regional-indicator
    /// pair, 🇩🇪) becomes its two letters ("DE"), tag sequences lose their tags. Each result has
    /// the width `TextWidth` measured for the original (padded with spaces where the kept part is
    /// narrower), so layout does not change; the buffer draws its graphemes one cell each. CJK, skin
    /// tones, VS16 and combining marks are drawn as they are: terminals agree on those.
    public static func drawable(_ ch: Character) -> String? {
        let scalars = ch.unicodeScalars
        guard ch.utf8.count > 3 || scalars.count > 1 else { return nil }
        var kept = String.UnicodeScalarView()
        var changed = false
        scan: for s in scalars {
            switch s.value {
            case 0x200D:
                // Everything from the first joiner on is dropped.
                changed = true
                break scan
            case 0x1F1E6...0x1F1FF:
                kept.append(Unicode.Scalar(0x41 + s.value - 0x1F1E6)!)
                changed = true
            case 0xE0020...0xE007F:
                changed = true
            default:
                kept.append(s)
            }
        }
        guard changed else { return nil }
        var result = String(kept)
        // ❤‍🔥 measured 2 columns but a bare ❤ is drawn in 1: a space keeps the measure (adding
        // VS16 instead would make curses and the terminal disagree again).
        let missing = TextWidth.of(ch) - TextWidth.of(result)
        if missing > 0 { result += String(repeating: " ", count: missing) }
        return result
    }

    // MARK: Cleaning

    /// Decodes bytes as UTF-8 (invalid sequences → U+FFFD), reading at most `maxBytes`.
    /// `truncated` tells whether bytes were left unread. The cut never splits a sequence.
    public static func decode<C: Collection>(_ bytes: C, maxBytes: Int = .max) -> (text: String, truncated: Bool)
    where C.Element == UInt8 {
        guard bytes.count > maxBytes else { return (String(decoding: bytes, as: UTF8.self), false) }
        var end = bytes.index(bytes.startIndex, offsetBy: maxBytes)
        // Step back over continuation bytes so the cut lands on a sequence start.
        var steps = 0
        while steps < 3, end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 {
            end = bytes.index(end, offsetBy: -1)
            steps += 1
        }
        return (String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self), true)
    }

    /// Replaces every unsafe scalar with its placeholder, looking at no more than `maxScalars`.
    /// With `keepNewlines`, line breaks stay as `\n` (CR LF and lone CR become `\n`) and tabs
    /// become `tabWidth` spaces, for wrapping; otherwise they become `↵` and `→`.
    public static func clean(
        _ text: String, maxScalars: Int = .max, keepNewlines: Bool = false,
        tabWidth: Int = 4
    ) -> (text: String, truncated: Bool) {
        var out = String.UnicodeScalarView()
        var seen = 0
        var combiningRun = 0
        var previousWasCR = false
        var iterator = text.unicodeScalars.makeIterator()
        while let s = iterator.next() {
            if seen >= maxScalars { return (String(out), true) }
            seen += 1
            let v = s.value
            if v >= 0x20 && v < 0x7F {
                out.append(s)
                combiningRun = 0
                previousWasCR = false
                continue
            }
            if keepNewlines {
                if v == 0x0A {
                    if !previousWasCR { out.append("\n") }
                    previousWasCR = false
                    combiningRun = 0
                    continue
                }
                previousWasCR = v == 0x0D
                if v == 0x0D || v == 0x2028 || v == 0x2029 {
                    out.append("\n")
                    combiningRun = 0
                    continue
                }
                if v == 0x09 {
                    out.append(contentsOf: String(repeating: " ", count: tabWidth).unicodeScalars)
                    continue
                }
            } else if v == 0x0D {
                // CR LF shows as one ↵; a lone CR gets its own picture.
                if let next = iterator.next() {
                    seen += 1
                    if next == "\n" {
                        out.append(contentsOf: "↵".unicodeScalars)
                        continue
                    }
                    out.append(contentsOf: "␍".unicodeScalars)
                    if let p = placeholder(for: next) { out.append(contentsOf: p.unicodeScalars) } else { out.append(next) }
                    continue
                }
                out.append(contentsOf: "␍".unicodeScalars)
                continue
            }
            if let p = placeholder(for: s) {
                out.append(contentsOf: p.unicodeScalars)
                combiningRun = 0
                continue
            }
            if isCombining(s) {
                combiningRun += 1
                if combiningRun > maxCombining { continue }
            } else {
                combiningRun = 0
            }
            out.append(s)
        }
        return (String(out), false)
    }

    /// The grapheme with runs of more than `maxCombining` combining marks cut, or nil when it
    /// has none too many. The buffer applies it to every cell, so the cap holds whatever path
    /// the text took to the screen.
    public static func cappingCombining(_ ch: Character) -> Character? {
        let scalars = ch.unicodeScalars
        guard scalars.count > maxCombining + 1 else { return nil }
        var kept = String.UnicodeScalarView()
        var run = 0
        for s in scalars {
            if isCombining(s) {
                run += 1
                if run > maxCombining { continue }
            } else {
                run = 0
            }
            kept.append(s)
        }
        guard kept.count < scalars.count else { return nil }
        return String(kept).first
    }

    static func isCombining(_ s: Unicode.Scalar) -> Bool {
        guard s.value >= 0x300 else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }

    // MARK: One line

    /// Untrusted text as one safe line of at most `width` columns, with `…` when cut.
    public static func line(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let (cleaned, cut) = clean(text, maxScalars: width * scalarsPerColumn + 64)
        return truncate(cleaned, width: width, forceEllipsis: cut)
    }

    /// Untrusted bytes (possibly invalid UTF-8) as one safe line of at most `width` columns.
    public static func line<C: Collection>(bytes: C, width: Int) -> String where C.Element == UInt8 {
        guard width > 0 else { return "" }
        let (decoded, cutBytes) = decode(bytes, maxBytes: width * scalarsPerColumn * 4 + 256)
        let (cleaned, cut) = clean(decoded, maxScalars: width * scalarsPerColumn + 64)
        return truncate(cleaned, width: width, forceEllipsis: cut || cutBytes)
    }

    /// Cuts already-clean text to `width` columns, ending in `…` when anything was dropped (or
    /// `forceEllipsis` says more text exists). Never splits a wide character, so the result may
    /// be one column narrower than `width`.
    public static func truncate(_ text: String, width: Int, forceEllipsis: Bool = false) -> String {
        guard width > 0 else { return "" }
        var kept: [(Character, Int)] = []
        var used = 0
        var overflow = false
        for ch in text {
            let w = TextWidth.of(ch)
            if used + w > width {
                overflow = true
                break
            }
            kept.append((ch, w))
            used += w
        }
        if !overflow && !forceEllipsis { return text.count == kept.count ? text : String(kept.map(\.0)) }
        while let last = kept.last, used + 1 > width {
            kept.removeLast()
            used -= last.1
        }
        var s = String(kept.map(\.0))
        s.append(ellipsis)
        return s
    }

    // MARK: Wrapping

    /// Untrusted text wrapped to `width` columns for detail views: explicit line breaks kept,
    /// words wrapped at spaces, words longer than a line hard-broken. Stops after `maxLines`
    /// (the last line then ends in `…`).
    public static func wrap(_ text: String, width: Int, maxLines: Int = 10_000) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        let budget = width * maxLines * 2 + 64
        let (cleaned, cut) = clean(text, maxScalars: budget, keepNewlines: true)
        var lines: [String] = []
        var full = false
        let paragraphs = cleaned.split(separator: "\n", omittingEmptySubsequences: false)
        outer: for (index, paragraph) in paragraphs.enumerated() {
            var line = ""
            var lineWidth = 0
            var started = false
            func emit() -> Bool {
                lines.append(line)
                line = ""
                lineWidth = 0
                started = false
                return lines.count >= maxLines
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                let ww = TextWidth.of(word)
                if started && lineWidth + 1 + ww <= width {
                    line += " " + word
                    lineWidth += 1 + ww
                    continue
                }
                if started && emit() {
                    full = true
                    break outer
                }
                if ww <= width {
                    line = String(word)
                    lineWidth = ww
                    started = true
                    continue
                }
                for ch in word {
                    let w = TextWidth.of(ch)
                    if lineWidth + w > width, emit() {
                        full = true
                        break outer
                    }
                    line.append(ch)
                    lineWidth += w
                    started = true
                }
            }
            if emit() {
                full = index < paragraphs.count - 1
                break
            }
        }
        if full || cut, let last = lines.popLast() {
            lines.append(truncate(last, width: width, forceEllipsis: true))
        }
        return lines
    }
}
