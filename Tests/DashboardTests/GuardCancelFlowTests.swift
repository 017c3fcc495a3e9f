import Foundation
import Testing
@testable import Dashboard

/// Cancelling a guard from the Toggles pane (docs/guarded-flips.md, "Cancelling a guard"): `C`
/// asks first, confirming sends the cancel effect with the reason, the gates of a flip apply,
/// and the answer closes the dialog or says why not. Pure update and render, no terminal.
@Suite struct GuardCancelFlowTests {
    private func guarded(_ badge: GuardBadge = GuardBadgeScreenTests.running, server: ServerInfo = Fixtures.server) -> AppState {
        var rows = Fixtures.toggles
        if let index = rows.firstIndex(where: { $0.name == "useNewAlgorithm" }) { rows[index].guardBadge = badge }
        var s = AppState(now: Fixtures.t0, width: 100, height: 24, server: server, timeZone: Fixtures.utc)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: rows), duration: 0.01, at: Fixtures.t0))
        while s.toggles.selectedRow.map({ $0.name != "useNewAlgorithm" }) ?? false, s.press(.char("j")).isEmpty,
            s.toggles.table.selected ?? 0 < rows.count - 1
        {}
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
        return s
    }

    @Test func cAsksThenCancelsWithTheReasonAndNothingFlips() {
        var s = guarded()
        #expect(s.press(.char("C")).isEmpty, "asks first")
        #expect(s.dialog?.cancelsGuard == true)
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("Cancel guard") && picture.contains("Ends its guard without reverting"), "\(picture)")
        _ = s.press(.tab)
        _ = s.type("INC-9")
        #expect(s.press(.enter) == [.cancelGuard(toggle: "useNewAlgorithm", reason: "INC-9")])
        #expect(s.toggles.pendingOwnFlips.isEmpty, "a cancel writes no value")
        #expect(update(&s, .guardCancelFinished(toggle: "useNewAlgorithm", error: nil)) == [.pollSoon(toggle: "useNewAlgorithm")])
        #expect(s.dialog == nil)
        #expect(s.flash?.text.contains("guard cancelled (audited)") == true)
    }

    @Test func aFailedCancelSaysWhyInTheDialog() {
        var s = guarded()
        _ = s.press(.char("C"), .enter)
        _ = update(&s, .guardCancelFinished(toggle: "useNewAlgorithm", error: "its guard already ended (held)"))
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("Not cancelled: its guard already ended (held)"), "\(picture)")
        _ = s.press(.escape)
        #expect(s.dialog == nil)
    }

    @Test func noRunningGuardReadOnlyAndProductionGates() {
        var lost = guarded(GuardBadge(state: .lost, ends: Fixtures.at(600)))
        #expect(lost.press(.char("C")).isEmpty && lost.dialog == nil)
        #expect(lost.flash?.text.contains("no running guard") == true)

        var ro = Fixtures.server
        ro.readOnly = true
        var readOnly = guarded(server: ro)
        #expect(readOnly.press(.char("C")).isEmpty && readOnly.dialog == nil)
        #expect(readOnly.flash?.text == "Read-only mode: cancelling a guard is disabled")

        var prod = Fixtures.server
        prod.production = true
        var s = guarded(server: prod)
        _ = s.press(.char("C"))
        _ = s.type("useNewAlgorithm")
        #expect(s.press(.enter).isEmpty)
        #expect(s.dialog?.notice?.contains("reason is required") == true)
        _ = s.type("INC-7")
        #expect(s.press(.enter) == [.cancelGuard(toggle: "useNewAlgorithm", reason: "INC-7")])
    }
}
