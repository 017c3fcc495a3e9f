import Dashboard
import Foundation
import RedisClient
import TestSupport
import Testing

/// Text terminals disagree on — ZWJ emoji sequences, flags, tag sequences — in real Redis data,
/// drawn by the real binary in tmux: every row keeps its border in the same column, no joiner
/// lands on another row, no border cell turns into U+FFFD (issue 16, item 7).
@Suite(.serialized) struct HostileTextEndToEndTests {
    static let hostile = ["deploy👩‍💻ok", "flag🇩🇪🇫🇷end", "family👨‍👩‍👧x", "heart❤‍🔥y", "eng🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}z"]

    /// The column where each pane row's last `│` sits (rows that start with the pane's border).
    static func borderColumns(_ screen: String) -> [Int] {
        screen.split(separator: "\n").filter { $0.hasPrefix("│") }.compactMap { line -> Int? in
            var column = 0
            var last: Int?
            for ch in line {
                if ch == "│" { last = column }
                column += TextWidth.of(ch)
            }
            return last
        }
    }

    @Test func zwjSequencesAndFlagsKeepRowsAligned() throws {
        let app = try DashboardHarness(columns: 120, rows: 36)
        defer { app.close() }
        for (index, name) in Self.hostile.enumerated() {
            try app.redis.execute("HSET", "aaa\(index)" + name, "toggle", "True", "fingerprint", name, "override", name)
        }
        let screen = try app.terminal.waitUntil(description: "the hostile toggles listed") {
            $0.contains("deploy👩ok") && $0.contains("flagDEFRend") && $0.contains("heart❤ y")
        }
        #expect(!screen.unicodeScalars.contains { $0.value == 0x200D }, "a joiner reached the terminal")
        #expect(!screen.unicodeScalars.contains { (0x1F1E6...0x1F1FF).contains($0.value) }, "a regional indicator reached the terminal")
        #expect(!screen.contains("\u{FFFD}"))
        let columns = Set(Self.borderColumns(screen))
        #expect(Self.borderColumns(screen).count > 20, "pane rows found")
        #expect(columns.count == 1, "right borders at columns \(columns.sorted()):\n\(screen)")
        // After moving through the rows the borders still hold.
        try app.terminal.send(keys: "j", "j", "j", "j", "j", "k", "k")
        // Keys are handled in order: once the help that follows them has opened and closed, the
        // moves are on screen.
        try app.terminal.send(keys: "?")
        try app.terminal.waitFor("Keys — ")
        try app.terminal.send(keys: "Escape")
        let moved = try app.terminal.waitUntil(description: "help closed after the moves") { !$0.contains("Keys — ") }
        #expect(Set(Self.borderColumns(moved)).count == 1, "after navigating:\n\(moved)")
        #expect(!moved.contains("\u{FFFD}"), "border cells turned into U+FFFD:\n\(moved)")
    }

    /// `LANG=C`: the terminal does not expect UTF-8, so the dashboard writes ASCII only —
    /// `+-|` borders, `?` for what has no ASCII form — and the columns still line up.
    @Test func aNonUTF8LocaleGetsASCIIOnly() throws {
        let app = try DashboardHarness(columns: 120, rows: 36, environment: ["LANG": "C", "LC_ALL": "C"])
        defer { app.close() }
        try app.redis.execute("HSET", "aaa👩‍💻日本", "toggle", "True", "fingerprint", "Größe")
        let screen = try app.terminal.waitUntil(description: "the toggles in ASCII") {
            $0.contains("accountDeletionFlow") && $0.contains("aaa")
        }
        let foreign = screen.unicodeScalars.filter { !$0.isASCII }
        #expect(foreign.isEmpty, "non-ASCII written under LANG=C: \(String(String.UnicodeScalarView(foreign.prefix(20))))")
        #expect(screen.contains("+-") && screen.contains("|  Name"), "ASCII borders:\n\(screen)")
        let rows = screen.split(separator: "\n").filter { $0.hasPrefix("|  ") }
        #expect(rows.count > 20 && Set(rows.map { $0.utf8.count }).count == 1, "rows keep one width:\n\(screen)")
    }
}
