import Testing
@testable import Dashboard

/// Issue 24, bug 4: a value neither on nor off decides nothing, and the detail says so.
@Suite struct UndecidedDetailScreenTests {
    @Test func anUnknownValueSaysNoSessionGetsADecision() {
        var s = DetailScreenTests.withToggleDetail(width: 80, height: 30)
        guard case .loaded(var detail) = s.toggles.detail else { return }
        detail.undecided = true
        s.toggles.detail = .loaded(detail)
        let text = Fixtures.picture(Fixtures.screen(s))
        #expect(text.contains("none get a decision: the value is neither on nor off"), "\(text)")
        #expect(!text.contains("get it now"), "\(text)")
    }
}
