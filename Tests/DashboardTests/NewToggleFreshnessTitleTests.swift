import Foundation
import Testing
@testable import Dashboard

/// Issue 24, bug 2: when the rolling sweep for new toggles cannot finish within 5 s (a huge
/// keyspace, polling only), the Toggles title says how soon a new toggle shows; within 5 s it
/// says nothing.
@Suite struct NewToggleFreshnessTitleTests {
    private func top(_ s: AppState) -> String {
        Fixtures.picture(Fixtures.screen(s, theme: .dark)).components(separatedBy: "\n")[0]
    }

    @Test func aSlowSweepIsNamedInTheTitleAndGoesWhenItIsFastAgain() {
        var s = Fixtures.loaded(width: 160, height: 48)
        var slow = Fixtures.snapshot()
        slow[TogglesPart.self, default: TogglesPart()].newToggleFreshness = 40
        _ = update(&s, .pollSucceeded(slow, duration: 0.01, at: Fixtures.at(1)))
        #expect(top(s).hasPrefix("┌ 1 Toggles 4 · new toggles within ~40s ─"), "\(top(s))")
        var fast = DashboardSnapshot()
        fast[TogglesPart.self, default: TogglesPart()].newToggleFreshness = 0
        _ = update(&s, .pollSucceeded(fast, duration: 0.01, at: Fixtures.at(2)))
        #expect(top(s).hasPrefix("┌ 1 Toggles 4 ───"), "\(top(s))")
    }
}
