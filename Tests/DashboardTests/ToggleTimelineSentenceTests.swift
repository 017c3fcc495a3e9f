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
}
