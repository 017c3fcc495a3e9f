import Foundation
import Testing
@testable import Dashboard

/// Issue 23, bug 2: the detail's words after a flip never give an all-clear they cannot know:
/// not before the counts are read, not for a flip older than the window, and never while the
/// window holds an error after the flip.
@Suite struct ToggleTimelineSentenceTests {
    static func detail(flipAgo: Double) -> ToggleDetail {
        var d = DetailScreenTests.toggleDetail()
        d.history = [AuditSummary(actor: "oncall@me", time: Fixtures.at(-flipAgo), old: "True", new: "False", reason: nil)]
        return d
    }

    @Test func unreadCountsAreNotAnAllClear() {
        let text = ToggleTimeline.sentence(Self.detail(flipAgo: 480), rate: nil, ratesLoaded: false, window: 900, now: Fixtures.t0)
        #expect(text == "error counts not read yet: catching up…")
    }

    @Test func anErrorAfterTheFlipIsSaid() {
        let rate = ErrorRate(count: 2, series: [], times: [Fixtures.at(-427), Fixtures.at(-10)])
        let text = ToggleTimeline.sentence(Self.detail(flipAgo: 480), rate: rate, window: 900, now: Fixtures.t0)
        #expect(text.hasPrefix("errors started 53s after oncall set it to False"), "\(text)")
        #expect(text.hasSuffix("2 since"))
    }

    @Test func aFlipOlderThanTheWindowIsNotVouchedFor() {
        let text = ToggleTimeline.sentence(Self.detail(flipAgo: 7_200), rate: nil, window: 900, now: Fixtures.t0)
        #expect(text.hasPrefix("no errors in the last 15m"), "\(text)")
    }

    /// Under `:from`/`:to` the timeline is drawn over that window and says it: its errors were
    /// read for it, and on the relative axis they fell outside or in the wrong place (noticed
    /// last round, left then).
    @Test func anAbsoluteWindowIsTheTimelinesAxisAndWords() {
        let utc = TimeZone(identifier: "UTC")!
        // Fixtures.t0 is 18:03:33 UTC; the window 17:00–17:30, a flip at 17:10 and errors at 17:20.
        let day = Fixtures.t0.addingTimeInterval(-(18 * 3_600 + 3 * 60 + 33))
        func at(_ h: Double, _ m: Double) -> Date { day.addingTimeInterval(h * 3_600 + m * 60) }
        var d = DetailScreenTests.toggleDetail()
        d.history = [AuditSummary(actor: "oncall@me", time: at(17, 10), old: "True", new: "False", reason: nil)]
        let rate = ErrorRate(count: 3, series: [], times: [at(17, 20), at(17, 20), at(17, 21)])
        let range = ErrorRange(from: at(17, 0), to: at(17, 30))
        let lines = ToggleTimeline.lines(
            d, rate: rate, window: 900, range: range, timeZone: utc, now: Fixtures.t0, theme: .dark, width: 74
        ).map(\.plainText)
        #expect(lines[0] == "Timeline (17:00–17:30)", "\(lines)")
        // 60 columns over 30 minutes: the errors in the column of 17:20, the flip in that of 17:10.
        let errors = Array(lines[1].dropFirst(10)), flips = Array(lines[2].dropFirst(10))
        #expect(errors.firstIndex { $0 != " " } == 40, "\(lines[1])")
        #expect(flips.firstIndex(of: "▲") == 20, "\(lines[2])")
        #expect(lines[3].hasPrefix("          17:00") && lines[3].hasSuffix("17:30"), "\(lines[3])")
        #expect(lines[4].hasPrefix("  errors started 10m after oncall set it to False"), "\(lines[4])")
        let quiet = ToggleTimeline.lines(
            d, rate: nil, window: 900, range: ErrorRange(from: at(17, 15), to: at(17, 30)), timeZone: utc, now: Fixtures.t0,
            theme: .dark, width: 74
        ).map(\.plainText)
        #expect(quiet[4].hasPrefix("  no errors in 17:15–17:30 (oncall set it to False"), "\(quiet[4])")
    }
}
