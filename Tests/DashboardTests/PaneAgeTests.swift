import Foundation
import Testing
@testable import Dashboard

/// Issue 23, bug 3: the status bar says "data just now" only when every visible pane is
/// current; error figures older than 2 s say their age in the Errors pane's title and beside
/// the Toggles pane's error column.
@Suite struct PaneAgeTests {
    /// Polls keep succeeding (toggles current), while the error figures were last current 18 s ago.
    static func laggingErrors(width: Int, height: Int) -> AppState {
        var s = Fixtures.loaded(width: width, height: height)
        s.errors.checkedAt = Fixtures.at(2)
        s.toggles.setRates(["betaCheckout": ErrorRate(count: 6, series: [], times: [])])
        _ = update(&s, .pollSucceeded(DashboardSnapshot(), duration: 0.01, at: Fixtures.at(20)))
        s.now = Fixtures.at(20)
        return s
    }

    @Test func laggingErrorFiguresAreNotCalledJustNow() {
        let s = Self.laggingErrors(width: 160, height: 48)
        let text = Fixtures.picture(Fixtures.screen(s))
        #expect(!text.contains("data just now"), "\(text)")
        #expect(text.contains("data 18s ago"))
        #expect(text.contains("3 Errors (last 15m, as of 18s ago"), "the Errors pane's own age")
        #expect(text.contains("errors last 15m as of 18s ago"), "the Toggles error column's age")
    }

    @Test func currentFiguresAreJustNow() {
        var s = Self.laggingErrors(width: 160, height: 48)
        s.errors.checkedAt = Fixtures.at(20)
        let text = Fixtures.picture(Fixtures.screen(s))
        #expect(text.contains("data just now"))
        #expect(!text.contains("as of"))
    }
}
