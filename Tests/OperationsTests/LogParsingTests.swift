import Foundation
import Operations
import RedisClient
import Testing

@Suite struct LogParsingTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test func parsesAsctimeStamps() throws {
        let parsed = try #require(AsctimeTimestamp.parse(line: "Thu Nov 26 18:03:33 2026 payment timed out", timeZone: utc))
        #expect(parsed.date == Date(timeIntervalSince1970: 1_795_716_213))
        #expect(parsed.message == "payment timed out")

        let padded = try #require(AsctimeTimestamp.parse(line: "Thu Nov  5 08:03:09 2026 started", timeZone: utc))
        #expect(padded.message == "started")
        let unpadded = try #require(AsctimeTimestamp.parse(line: "Thu Nov 5 08:03:09 2026 started", timeZone: utc))
        #expect(padded.date == unpadded.date)
        #expect(AsctimeTimestamp.format(padded.date, timeZone: utc) == "Thu Nov  5 08:03:09 2026")
        #expect(AsctimeTimestamp.parse(line: "Sat Feb 29 00:00:00 2020", timeZone: utc)?.message == "")

        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(AsctimeTimestamp.parse(line: "Thu Nov 26 19:03:33 2026 x", timeZone: berlin)?.date == parsed.date)
    }

    @Test func rejectsWhatIsNotAStamp() {
        for line in [
            "payment timed out", "", "Thu Nov 32 18:03:33 2026 x", "Thu Foo 26 18:03:33 2026 x",
            "Thu Nov 26 18:03 2026 x", "Thu Nov 26 18:03:33 20261 x", "2026-11-26 18:03:33 x",
            "Thu Nov 26 25:03:33 2026 x",
        ] {
            #expect(AsctimeTimestamp.parse(line: line, timeZone: utc) == nil, "\(line)")
        }
    }

    @Test func formatsWithAFixedPOSIXLocale() {
        let date = Date(timeIntervalSince1970: 1_795_716_213)
        #expect(AsctimeTimestamp.format(date, timeZone: utc) == "Thu Nov 26 18:03:33 2026")
        #expect(AsctimeTimestamp.iso8601(date) == "2026-11-26T18:03:33Z")
        #expect(AsctimeTimestamp.parseISO8601("2026-11-26T18:03:33Z") == date)
        // Round trip over a spread of dates, including leap days and year ends.
        for seconds in stride(from: Int64(-2_000_000_000), to: 4_000_000_000, by: 86_399 * 37) {
            let date = Date(timeIntervalSince1970: Double(seconds))
            let line = AsctimeTimestamp.format(date, timeZone: utc) + " m"
            #expect(AsctimeTimestamp.parse(line: line, timeZone: utc)?.date == date, "\(line)")
        }
    }

    @Test func severitiesParseAndOrder() {
        #expect(Severity(parsing: "WARN") == .warning)
        #expect(Severity(parsing: "Crit") == .critical)
        #expect(Severity(parsing: "fatal") == .critical)
        #expect(Severity(parsing: "err") == .error)
        #expect(Severity(parsing: "notice") == nil)
        #expect(Severity.debug < .info && Severity.info < .warning && Severity.warning < .error && Severity.error < .critical)
    }

    @Test func listKeysSplitIntoSourceAndSeverity() {
        let list = LogList(key: "recent:checkout:error", pattern: "recent:*:*")
        #expect(list.source == "checkout" && list.severity == .error)
        let colons = LogList(key: "recent:eu:checkout:warning", pattern: "recent:*:*")
        #expect(colons.source == "eu:checkout" && colons.severity == .warning)
        let odd = LogList(key: "recent:x:notice", pattern: "recent:*:*")
        #expect(odd.severity == .info && odd.severityText == "notice", "kept, with what the key says")
        #expect(LogStore.key(source: "deploy", severity: .warning, patterns: KeyPatterns()) == "recent:deploy:warning")
        #expect(LogStore.key(source: "d", severity: .info, patterns: KeyPatterns(logs: "app:log:*:*")) == "app:log:d:info")
    }

    @Test func entriesWithoutATimeStillShow() {
        let list = LogList(key: "recent:a:info", pattern: "recent:*:*")
        let entry = LogEntry(raw: "no time here", list: list)
        #expect(entry.timestamp == nil && entry.message == "no time here" && entry.source == "a")
    }
}
