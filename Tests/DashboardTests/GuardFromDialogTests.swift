import Foundation
import Testing
@testable import Dashboard

/// A guard added in the flip dialog (docs/guarded-flips.md, "From the dashboard") and the
/// question asked on quitting while it runs. Pure update and render, no terminal.
@Suite struct GuardFromDialogTests {
    /// useNewAlgorithm (raw "True") selected, its flip dialog open.
    private func dialogOpen(defaults: (String, String)? = nil) -> AppState {
        var s = Fixtures.loaded()
        if let (rule, duration) = defaults {
            s.guardDefaultRule = rule
            s.guardDefaultFor = duration
        }
        _ = s.press(.char("G"), .char(" "))
        #expect(s.dialog?.toggle == "useNewAlgorithm")
        return s
    }

    @Test func gAddsTheConfiguredGuardAndConfirmingStartsIt() {
        var s = dialogOpen(defaults: ("rate > 3x before min 4", "20m"))
        #expect(s.press(.char("g")).isEmpty)
        #expect(s.dialog?.guardRule?.text == "rate > 3x before min 4" && s.dialog?.guardFor.text == "20m")
        #expect(s.dialog?.field == .guardRule, "the rule gets the keys")
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("Guard: flip back when this rule breaks:") && picture.contains("rate > 3x before min 4"), "\(picture)")
        _ = s.press(.ctrl("u"))
        _ = s.type("errors > 2 in 1m")
        _ = s.press(.tab, .ctrl("u"))
        _ = s.type("90s")
        let effects = s.press(.enter)
        #expect(
            effects == [
                .guardedFlip(
                    toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: nil, rule: "errors > 2 in 1m",
                    duration: "90s")
            ])
        #expect(s.dialog?.phase == .writing)
        #expect(s.toggles.pendingOwnFlips["useNewAlgorithm"] == "False")
    }

    @Test func gAgainTakesTheGuardAwayAndTheHintSaysG() {
        var s = dialogOpen()
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("g guard"))
        _ = s.press(.char("g"))
        #expect(s.dialog?.guardRule?.text == "errors > 20 in 5m" && s.dialog?.guardFor.text == "15m", "built-in defaults")
        _ = s.press(.tab, .tab) // rule → duration → no field
        #expect(s.dialog?.field == FlipDialog.Field.none)
        _ = s.press(.char("g"))
        #expect(s.dialog?.guarded == false)
        #expect(s.press(.char("y")) == [.flip(toggle: "useNewAlgorithm", to: false, expectedRaw: "True", reason: nil)])
    }

    @Test func aRefusedGuardReopensTheDialogWithWhy() {
        var s = dialogOpen()
        _ = s.press(.char("g"), .enter)
        _ = update(&s, .guardRefused(toggle: "useNewAlgorithm", problem: "already guarded by ci-bot since 10:00"))
        #expect(s.dialog?.phase == .asking && s.dialog?.field == .guardRule)
        #expect(s.toggles.pendingOwnFlips.isEmpty)
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("No guard: already guarded by ci-bot"), "\(picture)")
    }

    /// Started, the guard is this dashboard's: quitting asks first; Esc stays, `k` hands over,
    /// `c` cancels, and the answer quits (or says why not and stays).
    @Test func quittingWithAGuardRunningAsks() {
        var s = dialogOpen()
        _ = s.press(.char("g"), .enter)
        _ = update(&s, .flipFinished(.done(toggle: "useNewAlgorithm", old: "True", new: "False")))
        _ = update(&s, .guardStarted(toggle: "useNewAlgorithm", rule: "errors > 20 in 5m", ends: Fixtures.at(900)))
        #expect(s.flash?.text.contains("guarded by this dashboard until") == true)
        #expect(s.press(.char("q")).isEmpty, "asks instead of quitting")
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("Quit with guards running") && picture.contains("useNewAlgorithm · 15m left"), "\(picture)")
        #expect(picture.contains("k  keep running headless") && picture.contains("c  cancel"), "\(picture)")
        #expect(s.press(.escape).isEmpty && s.quitPrompt == nil)
        #expect(s.press(.ctrl("c")).isEmpty && s.quitPrompt != nil, "Ctrl-C asks too")
        #expect(s.press(.char("k")) == [.releaseGuards(headless: true)])
        #expect(s.press(.char("c")).isEmpty, "one answer at a time")
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("Handing the guards over"))
        #expect(update(&s, .guardsReleased(problems: ["useNewAlgorithm: not handed over (x); still guarded here"])).isEmpty)
        #expect(s.quitPrompt == nil && s.flash?.isError == true)
        _ = s.press(.char("q"))
        #expect(s.press(.char("c")) == [.releaseGuards(headless: false)])
        #expect(update(&s, .guardsReleased(problems: [])) == [.quit])
    }

    @Test func anEndedGuardIsSaidAndNoLongerAsked() {
        var s = dialogOpen()
        _ = update(&s, .guardStarted(toggle: "useNewAlgorithm", rule: "errors > 2 in 5m", ends: Fixtures.at(900)))
        let effects = update(
            &s, .guardEnded(toggle: "useNewAlgorithm", summary: "auto-revert: 3 errors in 5m > 2; back to True (audited)", alarm: true))
        #expect(effects == [.pollSoon(toggle: "useNewAlgorithm")])
        #expect(s.flash?.text.contains("auto-revert: 3 errors in 5m > 2") == true && s.flash?.isError == true)
        #expect(s.ownGuards.isEmpty)
        _ = s.press(.escape)
        #expect(s.press(.char("q")) == [.quit])
    }

    /// A count that failed is said in red, never taken for "no errors".
    @Test func aGuardWarningIsSaid() {
        var s = Fixtures.loaded()
        _ = update(&s, .guardWarning(toggle: "useNewAlgorithm", text: "warning: could not count useNewAlgorithm's errors: timeout"))
        #expect(s.flash?.isError == true && s.flash?.text.contains("could not count useNewAlgorithm's errors") == true)
    }

    @Test func qStillQuitsAtOnceFromThePrompt() {
        var s = Fixtures.loaded()
        _ = update(&s, .guardStarted(toggle: "useNewAlgorithm", rule: "errors > 2 in 5m", ends: Fixtures.at(900)))
        _ = s.press(.char("q"))
        #expect(s.press(.char("q")) == [.quit])
    }
}
