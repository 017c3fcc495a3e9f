import Foundation
import Testing
@testable import Dashboard

/// Issue 25: `:from`/`:to` set an absolute window for the error figures and searches; the
/// titles say it exactly; a time that cannot be read (or a window ending before it starts)
/// is said and changes nothing; `:since` clears it.
@Suite struct ErrorRangeCommandTests {
    private let utc = TimeZone(identifier: "UTC")!

    private func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    private func run(_ line: String, in s: inout AppState) -> [Effect] {
        _ = s.press(.char(":"))
        _ = s.type(line)
        return s.press(.enter)
    }

    @Test func parsesTimesDatesAndRefusesTheRest() {
        let now = at("2026-12-07T11:00:00Z")
        #expect(ErrorRange.parse("10:20", now: now, timeZone: utc) == at("2026-12-07T10:20:00Z"))
        #expect(ErrorRange.parse("10:20:30", now: now, timeZone: utc) == at("2026-12-07T10:20:30Z"))
        #expect(ErrorRange.parse("23:50", now: now, timeZone: utc) == at("2026-12-06T23:50:00Z"), "still ahead today: yesterday's")
        #expect(ErrorRange.parse("2026-12-05 08:15", now: now, timeZone: utc) == at("2026-12-05T08:15:00Z"))
        #expect(ErrorRange.parse("2026-12-05T08:15:05", now: now, timeZone: utc) == at("2026-12-05T08:15:05Z"))
        #expect(ErrorRange.parse("2026-12-05", now: now, timeZone: utc) == at("2026-12-05T00:00:00Z"))
        let paris = TimeZone(identifier: "Europe/Paris")!
        #expect(ErrorRange.parse("10:20", now: now, timeZone: paris) == at("2026-12-07T09:20:00Z"), "the dashboard's zone")
        for bad in ["", "10", "25:00", "10:60", "10:2x", "2026-02-30", "2026-13-01 10:00", "yesterday", "10:20 11:00", "2h"] {
            #expect(ErrorRange.parse(bad, now: now, timeZone: utc) == nil, "\(bad) refused")
        }
    }

    @Test func labelsSayTheWindowExactly() {
        let now = at("2026-12-07T11:00:00Z")
        let both = ErrorRange(from: at("2026-12-07T10:20:00Z"), to: at("2026-12-07T10:45:00Z"))
        #expect(both.label(window: 900, timeZone: utc, now: now) == "10:20–10:45")
        #expect(ErrorRange(from: at("2026-12-07T10:20:00Z")).label(window: 900, timeZone: utc, now: now) == "since 10:20")
        #expect(
            ErrorRange(to: at("2026-12-07T10:45:00Z")).label(window: 900, timeZone: utc, now: now) == "10:30–10:45",
            "to alone: the width before it")
        let overnight = ErrorRange(from: at("2026-12-06T23:50:00Z"), to: at("2026-12-07T00:10:30Z"))
        #expect(overnight.label(window: 900, timeZone: utc, now: now) == "2026-12-06 23:50–2026-12-07 00:10:30")
        #expect(ErrorRange().label(window: 900, timeZone: utc, now: now) == nil)
        #expect(both.bounds(window: 900, now: now) == (at("2026-12-07T10:20:00Z"), at("2026-12-07T10:45:00Z")))
    }

    @Test func fromAndToSetTheWindowAndTheTitlesSayIt() {
        var s = Fixtures.loaded()
        s.timeZone = utc
        s.now = at("2026-12-07T11:00:00Z")
        #expect(run("from 10:20", in: &s) == [.setErrorRange(ErrorRange(from: at("2026-12-07T10:20:00Z")))])
        let range = ErrorRange(from: at("2026-12-07T10:20:00Z"), to: at("2026-12-07T10:45:00Z"))
        #expect(run("to 10:45", in: &s) == [.setErrorRange(range)])
        #expect(s.errors.range == range && s.flash?.text == "Time window: 10:20–10:45")
        s.focus = .errors
        let screen = Fixtures.picture(Fixtures.screen(s))
        #expect(screen.contains("3 Errors (10:20–10:45"), "\(screen)")
        s.focus = .toggles
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("errors 10:20–10:45") || !s.toggles.ratesLoaded)
        // `:since` goes back to a relative window.
        #expect(run("since 1h", in: &s) == [.setErrorWindow(3_600), .setErrorRange(ErrorRange())])
        #expect(!s.errors.range.isSet)
    }

    @Test func invalidTimesAndBackwardWindowsChangeNothing() {
        var s = Fixtures.loaded()
        s.timeZone = utc
        s.now = at("2026-12-07T11:00:00Z")
        _ = run("from 10:20", in: &s)
        let before = s.errors.range
        #expect(run("to 10:7x", in: &s).isEmpty)
        #expect(s.flash?.isError == true && s.flash?.text.contains("Not a time: 10:7x") == true, "\(s.flash?.text ?? "")")
        #expect(run("to 10:10", in: &s).isEmpty)
        #expect(s.flash?.text.contains("would end before it starts") == true, "\(s.flash?.text ?? "")")
        #expect(run("from \u{1B}[31m", in: &s).isEmpty)
        #expect(s.flash?.text.contains("\u{1B}") == false)
        #expect(s.errors.range == before, "nothing changed")
        // `:to now` and `:from` alone open an end again.
        #expect(run("from", in: &s) == [.setErrorRange(ErrorRange())])
    }

    /// `x` writes the report for the window the panes show: the range goes with the effect and
    /// the status line names it (it used the relative window whatever `:from`/`:to` said).
    @Test func theExportTakesTheShownRange() {
        var s = Fixtures.loaded()
        s.timeZone = utc
        s.now = at("2026-12-07T11:00:00Z")
        _ = run("from 10:20", in: &s)
        _ = run("to 10:45", in: &s)
        let range = ErrorRange(from: at("2026-12-07T10:20:00Z"), to: at("2026-12-07T10:45:00Z"))
        #expect(s.press(.char("x")) == [.exportIncident(window: s.errors.window, range: range)])
        #expect(s.flash?.text == "Writing the incident report for 10:20–10:45…", "\(s.flash?.text ?? "")")
    }
}
