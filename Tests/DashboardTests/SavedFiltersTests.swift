import Foundation
import Testing
@testable import Dashboard

/// Issue 25: each pane's filter and search history (Ctrl-P/Ctrl-N in the field), filters saved
/// by name (`:save`, `:filter`, `:filters`, `:forget`), and what of it the state file keeps.
@Suite struct SavedFiltersTests {
    private func run(_ line: String, in s: inout AppState) -> [Effect] {
        _ = s.press(.char(":"))
        _ = s.type(line)
        return s.press(.enter)
    }

    @Test func aKeptFilterIsRecalledWithCtrlP() {
        var s = Fixtures.loaded()
        _ = s.press(.char("/"))
        _ = s.type("dark")
        _ = s.press(.enter)
        _ = s.press(.char("/"), .escape)
        #expect(s.toggles.filter.text.isEmpty)
        _ = s.press(.char("/"))
        _ = s.type("use")
        _ = s.press(.enter)
        _ = s.press(.char("/"), .escape)
        _ = s.press(.char("/"), .ctrl("p"))
        #expect(s.toggles.filter.text == "use" && s.isEditingText)
        _ = s.press(.ctrl("p"))
        #expect(s.toggles.filter.text == "dark")
        #expect(s.toggles.visible.map { s.toggles.rows[$0].name } == ["darkMode"], "the list refilters as typing would")
        _ = s.press(.ctrl("n"), .ctrl("n"))
        #expect(s.toggles.filter.text.isEmpty, "below the newest: empty again")
        // Another pane has its own history.
        s.focus = .logs
        _ = s.press(.char("/"), .ctrl("p"))
        #expect(s.logs.filterInput.text.isEmpty && s.flash?.text == "No earlier filters in this pane")
    }

    @Test func aSearchRunIsRememberedAndCtrlPInTheCommandLine() {
        var s = Fixtures.loaded()
        s.focus = .errors
        _ = s.press(.char("/"))
        _ = s.type("timeout")
        #expect(s.press(.enter) == [.search(query: "timeout")])
        #expect(s.remembered.fields["errors"] == ["timeout"])
        _ = run("logs", in: &s)
        _ = s.press(.char(":"), .ctrl("p"))
        #expect(s.commandLine.input.text == "logs", "Ctrl-P walks the : history as ↑ does")
    }

    @Test func saveListApplyAndForget() {
        var s = Fixtures.loaded()
        #expect(run("save", in: &s).isEmpty && s.flash?.isError == true, "a name is needed")
        #expect(run("save mine", in: &s).isEmpty)
        #expect(s.flash?.text.contains("Nothing to save") == true, "no filter typed: \(s.flash?.text ?? "")")
        _ = s.press(.char("/"))
        _ = s.type("dark")
        _ = s.press(.enter)
        _ = run("save dm", in: &s)
        #expect(s.commandLine.saved["dm"] == SavedFilter(pane: .toggles, text: "dark"))
        s.focus = .sessions
        s.sessions.appliedFilter = "authType=email"
        s.sessions.filter = TextInput("authType=email")
        _ = run("save mail", in: &s)
        _ = run("filters", in: &s)
        #expect(s.flash?.text.contains("dm (toggles), mail (sessions)") == true, "\(s.flash?.text ?? "")")
        // Applying from another pane: its pane, its text; a sessions filter goes to the server.
        _ = s.press(.char("/"), .escape)
        #expect(run("filter mail", in: &s) == [.setSessionFilter("authType=email")] && s.focus == .sessions)
        s.focus = .logs
        s.toggles.filter = TextInput()
        s.toggles.refilter()
        #expect(run("filter dm", in: &s).isEmpty)
        #expect(s.focus == .toggles && s.toggles.filter.text == "dark")
        _ = run("filter md", in: &s)
        #expect(s.flash?.text.contains("did you mean 'dm'?") == true, "\(s.flash?.text ?? "")")
        _ = run("forget dm", in: &s)
        #expect(s.commandLine.saved["dm"] == nil && s.commandLine.saved["mail"] != nil)
    }

    @Test func tabCompletesSavedNames() {
        var s = Fixtures.loaded()
        s.commandLine.saved = ["incident-42": SavedFilter(pane: .errors, text: "toggle:x")]
        _ = s.press(.char(":"))
        _ = s.type("filter inc")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "filter incident-42")
    }

    @Test func rememberedRoundTripsThroughJSONAndSkipsUnknownPanes() throws {
        var s = Fixtures.loaded()
        _ = run("errors", in: &s)
        _ = s.press(.char("/"))
        _ = s.type("boom")
        _ = s.press(.enter)
        _ = run("save b", in: &s)
        let kept = s.remembered
        let data = try JSONEncoder().encode(kept)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"pane\":\"errors\""), "panes by name: \(text)")
        var fresh = Fixtures.loaded()
        fresh.restore(try JSONDecoder().decode(RememberedInput.self, from: data))
        #expect(fresh.remembered == kept)
        #expect(fresh.commandLine.history == ["errors", "save b"])
        var odd = kept
        odd.fields["nonsense"] = ["x"]
        fresh.restore(odd)
        #expect(fresh.remembered == kept)
    }
}
