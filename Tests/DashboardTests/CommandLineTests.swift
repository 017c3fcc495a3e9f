import Foundation
import Testing
@testable import Dashboard

/// Issue 25, bug 1: `:` opens a command line (jump to a pane, a toggle, a session; the time
/// window; quit) with completion and history, and an unknown command says so.
@Suite struct CommandLineTests {
    @Test func colonOpensTheCommandLineAndShowsIt() {
        var s = Fixtures.loaded()
        #expect(s.press(.char(":")).isEmpty)
        #expect(s.commandLine.isOpen && s.isEditingText)
        _ = s.type("errors")
        let hints = Fixtures.picture(Fixtures.screen(s)).split(separator: "\n").last.map(String.init) ?? ""
        #expect(hints.hasPrefix(":errors█"), "the line typed shows in the hint row: \(hints)")
        _ = s.press(.enter)
        #expect(!s.commandLine.isOpen && s.focus == .errors)
    }

    @Test func jumpsToAToggleAndASession() {
        var s = Fixtures.loaded()
        s.focus = .logs
        _ = s.press(.char(":"))
        _ = s.type("toggle useNewAlgorithm")
        _ = s.press(.enter)
        #expect(s.focus == .toggles && s.toggles.selectedRow?.name == "useNewAlgorithm")
        _ = s.press(.char(":"))
        _ = s.type("session session:99aa:77")
        _ = s.press(.enter)
        #expect(s.focus == .sessions && s.sessions.selectedRow?.key == "session:99aa:77")
    }

    @Test func quitAndSinceAndErrorSearch() {
        var s = Fixtures.loaded()
        _ = s.press(.char(":"))
        _ = s.type("since 2h")
        #expect(s.press(.enter) == [.setErrorWindow(7_200)])
        #expect(s.errors.window == 7_200)
        _ = s.press(.char(":"))
        _ = s.type("q")
        #expect(s.press(.enter) == [.quit])
    }

    @Test func unknownCommandSaysSoAndSuggestsTheClosest() {
        var s = Fixtures.loaded()
        _ = s.press(.char(":"))
        _ = s.type("sesions")
        #expect(s.press(.enter).isEmpty)
        #expect(s.flash?.isError == true)
        #expect(s.flash?.text.contains("Unknown command :sesions") == true)
        #expect(s.flash?.text.contains("did you mean 'sessions'?") == true, "\(s.flash?.text ?? "")")
        #expect(s.focus == .toggles)
        // A toggle that is not there: said, with the closest name.
        _ = s.press(.char(":"))
        _ = s.type("toggle darkmod")
        _ = s.press(.enter)
        #expect(s.flash?.text.contains("did you mean 'darkMode'?") == true, "\(s.flash?.text ?? "")")
    }

    @Test func tabCompletesTheCommandAndItsArgument() {
        var s = Fixtures.loaded()
        _ = s.press(.char(":"))
        _ = s.type("tog")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "toggle ", "the word done, a space for its argument")
        _ = s.type("use")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "toggle useNewAlgorithm")
    }

    @Test func upAndDownWalkTheHistory() {
        var s = Fixtures.loaded()
        for line in ["errors", "logs"] {
            _ = s.press(.char(":"))
            _ = s.type(line)
            _ = s.press(.enter)
        }
        _ = s.press(.char(":"), .up)
        #expect(s.commandLine.input.text == "logs")
        _ = s.press(.up)
        #expect(s.commandLine.input.text == "errors")
        _ = s.press(.down, .down)
        #expect(s.commandLine.input.text == "")
        _ = s.press(.escape)
        #expect(!s.commandLine.isOpen)
        #expect(s.focus == .logs, "Esc leaves without running")
    }

    @Test func lettersAreTextOnTheCommandLine() {
        var s = Fixtures.loaded()
        _ = s.press(.char(":"))
        // q and Space would quit and flip outside the line.
        #expect(s.type("q ").isEmpty)
        #expect(s.commandLine.input.text == "q " && s.dialog == nil)
    }
}

/// Issue 25: back and forward after jumps (e, t, :) return to the pane, filter and selection.
@Suite struct JumpBackTests {
    @Test func backAndForwardAfterE() {
        var s = Fixtures.loaded()
        _ = s.press(.char("/"))
        _ = s.type("a")
        _ = s.press(.enter, .char("G"))
        let selected = s.toggles.selectedRow?.name
        _ = s.press(.char("e"))
        #expect(s.focus == .errors)
        _ = s.press(.ctrl("o"))
        #expect(s.focus == .toggles && s.toggles.filter.text == "a" && s.toggles.selectedRow?.name == selected)
        _ = s.press(.ctrl("n"))
        #expect(s.focus == .errors)
        _ = s.press(.backspace)
        #expect(s.focus == .toggles)
    }

    @Test func backAfterACommandAndNothingToGoBackTo() {
        var s = Fixtures.loaded()
        _ = s.press(.ctrl("o"))
        #expect(s.flash?.text.contains("No jump to go back from") == true)
        _ = s.press(.char(":"))
        _ = s.type("session session:99aa:77")
        _ = s.press(.enter)
        #expect(s.focus == .sessions)
        _ = s.press(.ctrl("o"))
        #expect(s.focus == .toggles && s.toggles.selectedRow?.name == "betaCheckout")
        // A command that moved nothing leaves nothing to go back to.
        _ = s.press(.char(":"))
        _ = s.type("nonsense")
        _ = s.press(.enter)
        #expect(s.jumps.back.isEmpty)
    }
}
