import Foundation
import Testing
@testable import Dashboard

/// Issue 23, first figures on a big index: while the first walk goes on, every error figure on
/// screen is labelled with how much of the index it covers; once done, the label goes.
@Suite struct ErrorCountingScreenTests {
    static func counting(_ counting: ErrorCounting?) -> AppState {
        var s = Fixtures.loaded(width: 200, height: 56)
        s.toggles.setRates(["betaCheckout": ErrorRate(count: 6, series: [], times: [])])
        var part = ErrorsPart(counts: [ToggleCount(toggle: "betaCheckout", count: 6)], checked: true)
        part.counting = counting
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: Fixtures.at(20)))
        s.now = Fixtures.at(20)
        return s
    }

    @Test func partialFiguresSayHowMuchTheyCover() {
        let text = Fixtures.picture(Fixtures.screen(Self.counting(ErrorCounting(read: 20_000, of: 1_000_000))))
        let label = "counting… 20,000 of 1,000,000 read"
        #expect(text.split(separator: "\n").contains { $0.contains("3 Errors") && $0.contains(label) }, "the Errors pane:\n\(text)")
        #expect(text.split(separator: "\n").contains { $0.contains("1 Toggles") && $0.contains(label) }, "the error column:\n\(text)")
    }

    @Test func exactFiguresCarryNoLabel() {
        var s = Self.counting(ErrorCounting(read: 20_000, of: 1_000_000))
        var part = ErrorsPart(counts: [ToggleCount(toggle: "betaCheckout", count: 9)], checked: true)
        part.counting = nil
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: Fixtures.at(21)))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("counting…"))
    }
}

/// The toggle detail's timeline while the first walk counts: a floor, never an all-clear.
@Suite struct ErrorCountingTimelineTests {
    @Test func aPartialCountIsAFloorAndNeverAnAllClear() {
        let counting = ErrorCounting(read: 20_000, of: 1_000_000)
        let detail = ToggleDetail(
            name: "couponStacking", key: "couponStacking", fields: [], rule: "", reached: 0, totalSessions: 0, history: [],
            outsideChange: nil, errorCount: nil, recentErrors: [], errorsNote: nil, fetchedAt: Fixtures.at(20))
        let none = ToggleTimeline.sentence(detail, rate: nil, counting: counting, window: 900, now: Fixtures.at(20))
        #expect(none == "no errors in the last 15m so far (counting… 20,000 of 1,000,000 read)")
        let some = ToggleTimeline.sentence(
            detail, rate: ErrorRate(count: 6, series: [], times: []), counting: counting, window: 900, now: Fixtures.at(20))
        #expect(some == "at least 6 errors in the last 15m so far (counting… 20,000 of 1,000,000 read)")
    }
}
