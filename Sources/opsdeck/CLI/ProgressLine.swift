import Dashboard
import Foundation

/// The one progress line of the CLI's long walks (`toggles list`, `sessions list --where`):
/// "scanning… 120,000 keys · 1,234 toggles" on stderr, redrawn in place at most ten times a
/// second and erased when the walk ends.
///
/// The rule is here and nowhere else: it shows only when stderr is a terminal and the output is
/// not `--json` (a script reading stderr, or a JSON pipeline, never sees it). It prints numbers
/// only, never text read from Redis. A class used on the main thread by one command.
final class ProgressLine {
    let isShown: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// - Parameters:
    ///   - json: the command writes JSON (`--json`): no progress line.
    ///   - stderrIsTerminal: defaults to `isatty(2)`.
    init(json: Bool, stderrIsTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        isShown = Self.shows(json: json, stderrIsTerminal: stderrIsTerminal)
    }

    static func shows(json: Bool, stderrIsTerminal: Bool) -> Bool { stderrIsTerminal && !json }

    /// "scanning… 120,000 keys · 1,234 toggles".
    static func text(scanned: Int, found: Int, noun: String) -> String {
        "scanning… \(Formatting.count(scanned)) keys · \(Formatting.count(found)) \(noun)"
    }

    /// Redraws the line (throttled); a no-op when not shown.
    func update(scanned: Int, found: Int, noun: String) {
        guard isShown else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        write("\r" + Self.text(scanned: scanned, found: found, noun: noun) + "\u{1B}[K")
    }

    /// Erases the line before the command prints its result or an error.
    func finish() {
        guard drawn else { return }
        drawn = false
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
