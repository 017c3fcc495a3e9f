import Foundation
import Testing
@testable import Dashboard

/// Space → dialog → y → compare-and-set flip, and everything that can go differently.
@Suite struct FlipFlowTests {
    /// A state with useNewAlgorithm (raw "True") selected.
    func onUseNewAlgorithm(server: ServerInfo = Fixtures.server) -> AppState {
        var s = Fixtures.loaded(server: server)
        _ = s.press(.char("G"))
        return s
    }

    @Test func spaceOpensDialogAndCountsBlastRadius() {
        var s = onUseNewAlgorithm()
        #expect(s.press(.char(" ")) == [.countBlastRadius(toggle: "useNewAlgorithm", turningOn: false)])
        #expect(s.dialog?.oldRaw == "True" && s.dialog?.newRaw == "False" && s.dialog?.turnsOn == false)
        _ = update(&s, .blastRadius(toggle: "other", reached: 1, total: 2, rule: nil))
        #expect(s.dialog?.reached == nil)
        _ = update(&s, .blastRadius(toggle: "useNewAlgorithm", reached: 12, total: 40, rule: nil))
        #expect(s.dialog?.reached == 12 && s.dialog?.total == 40)
    }

    @Test func yConfirmsWithTheRawValueTheScreenShowed() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "))
        // A poll lands while the dialog is open; the flip still compares against what was shown.
        var changed = Fixtures.toggles
        changed[0].rawValue = "False"
        changed[0].status = .off
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: changed), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.press(.char("y")) == [.flip(toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: nil)])
        #expect(s.dialog?.phase == .writing)
        #expect(s.press(.escape).isEmpty && s.dialog != nil) // the answer is awaited
        #expect(
            update(&s, .flipFinished(.done(toggle: "useNewAlgorithm", old: "True", new: "False"))) == [.pollSoon(toggle: "useNewAlgorithm")]
        )
        #expect(s.dialog == nil)
        #expect(s.flash?.text == "useNewAlgorithm: True → False (audited)")
    }

    @Test func nAndEscCancelWithoutEffects() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "))
        #expect(s.press(.char("n")).isEmpty && s.dialog == nil)
        _ = s.press(.char(" "))
        #expect(s.press(.escape).isEmpty && s.dialog == nil)
    }

    @Test func yTypedIntoTheReasonIsText() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "), .tab)
        #expect(s.type("yes, rollback").isEmpty)
        #expect(s.dialog?.reason.text == "yes, rollback")
        #expect(s.dialog?.phase == .asking)
        _ = s.press(.tab) // back to no field: now y confirms
        #expect(s.press(.char("y")) == [.flip(toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: "yes, rollback")])
    }

    @Test func enterInTheReasonFieldConfirms() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "), .tab)
        _ = s.type("INC-42")
        #expect(s.press(.enter) == [.flip(toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: "INC-42")])
    }

    @Test func productionRequiresTypingTheName() {
        var prod = Fixtures.server
        prod.production = true
        var s = onUseNewAlgorithm(server: prod)
        _ = s.press(.char(" "))
        #expect(s.dialog?.field == .confirmName)
        _ = s.press(.tab) // leave the name field empty and try y
        #expect(s.press(.char("y")).isEmpty)
        #expect(s.dialog?.notice != nil && s.dialog?.field == .confirmName)
        _ = s.type("useNewAlgorith")
        #expect(s.press(.enter).isEmpty)
        _ = s.type("m")
        // The name matches; production also requires a reason for the audit trail.
        #expect(s.press(.enter).isEmpty)
        #expect(s.dialog?.field == .reason && s.dialog?.notice?.contains("reason is required") == true)
        _ = s.type("INC-7")
        #expect(s.press(.enter) == [.flip(toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: "INC-7")])
    }

    @Test func readOnlyRefusesWithAMessageAndNoDialog() {
        var ro = Fixtures.server
        ro.readOnly = true
        var s = onUseNewAlgorithm(server: ro)
        #expect(s.press(.char(" ")).isEmpty)
        #expect(s.dialog == nil)
        #expect(s.flash?.text == "Read-only mode: flipping toggles is disabled" && s.flash?.isError == true)
        // A later poll cannot switch read-only off.
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.readOnly)
    }

    @Test func unknownValueIsNotFlipped() {
        var s = Fixtures.loaded()
        _ = s.press(.char("j"), .char("j"))
        #expect(s.toggles.selectedRow?.name == "legacyPayments")
        #expect(s.press(.char(" ")).isEmpty)
        #expect(s.dialog == nil && s.flash?.isError == true)
    }

    @Test func conflictIsShownAndNothingIsWritten() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "), .char("y"))
        let change = AuditSummary(actor: "bob", time: Fixtures.at(-3), old: "True", new: "False")
        let effects = update(
            &s,
            .flipFinished(
                .conflict(
                    toggle: "useNewAlgorithm", expected: "True", current: "False",
                    lastChange: change)))
        #expect(effects == [.pollSoon(toggle: "useNewAlgorithm")], "re-read that toggle, never a rediscovery")
        #expect(s.dialog?.phase == .conflict(current: "False", lastChange: change))
        #expect(s.toggles.pendingOwnFlips["useNewAlgorithm"] == nil)
        #expect(s.press(.char("y")).isEmpty) // y only closes now, it never retries
        #expect(s.dialog == nil)
    }

    @Test func failureStaysInTheDialog() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "), .char("y"))
        _ = update(&s, .flipFinished(.failed("connection lost")))
        #expect(s.dialog?.phase == .failed("connection lost"))
    }

    @Test func changesByOthersFlashButOurOwnDoNot() {
        var s = onUseNewAlgorithm()
        _ = s.press(.char(" "), .char("y"))
        _ = update(&s, .flipFinished(.done(toggle: "useNewAlgorithm", old: "True", new: "False")))
        var next = Fixtures.toggles
        next[0].rawValue = "False"
        next[0].status = .off // ours
        next[1].rawValue = "on"
        next[1].status = .on // someone else's
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: next), duration: 0.01, at: Fixtures.at(1)))
        #expect(!s.toggles.isFlashing("useNewAlgorithm", now: Fixtures.at(1)))
        #expect(s.toggles.isFlashing("darkMode", now: Fixtures.at(1)))
        #expect(s.toggles.isFlashing("darkMode", now: Fixtures.at(5.9)))
        _ = update(&s, .tick(Fixtures.at(6.5)))
        #expect(!s.toggles.isFlashing("darkMode", now: s.now))
        #expect(s.toggles.flashes.isEmpty)
    }
}
