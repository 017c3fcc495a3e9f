import Foundation
import Testing
@testable import Dashboard

/// Issue 25: `:ctx NAME` asks the runtime to switch context (it alone can resolve and
/// reconnect); what it cannot do is said and changes nothing. Completion offers the names.
@Suite struct ContextCommandTests {
    private func state(contexts: [String], current: String? = "staging") -> AppState {
        var s = Fixtures.loaded()
        s.server?.contextName = current
        s.commandLine.contexts = contexts
        return s
    }

    private func run(_ line: String, in s: inout AppState) -> [Effect] {
        _ = s.press(.char(":"))
        _ = s.type(line)
        return s.press(.enter)
    }

    @Test func aKnownContextAsksTheRuntimeToSwitch() {
        var s = state(contexts: ["prod", "staging"])
        #expect(run("ctx prod", in: &s) == [.switchContext(name: "prod")])
        #expect(run("context prod", in: &s) == [.switchContext(name: "prod")])
    }

    @Test func anUnknownContextChangesNothingAndSuggests() {
        var s = state(contexts: ["prod", "staging"])
        let before = s.focus
        #expect(run("ctx prdo", in: &s).isEmpty)
        #expect(s.flash?.isError == true)
        #expect(s.flash?.text.contains("No context named prdo") == true, "\(s.flash?.text ?? "")")
        #expect(s.flash?.text.contains("did you mean 'prod'?") == true, "\(s.flash?.text ?? "")")
        #expect(s.focus == before && s.server?.contextName == "staging")
    }

    @Test func theCurrentContextAndNoNameAndNoContexts() {
        var s = state(contexts: ["prod", "staging"])
        #expect(run("ctx staging", in: &s).isEmpty)
        #expect(s.flash?.text == "Already on context staging")
        #expect(run("ctx", in: &s).isEmpty)
        #expect(s.flash?.text.contains("prod [staging]") == true, "\(s.flash?.text ?? "")")
        var demo = state(contexts: [], current: "demo")
        #expect(run("ctx prod", in: &demo).isEmpty)
        #expect(demo.flash?.isError == true && demo.flash?.text.contains("No contexts in the config") == true)
    }

    @Test func aHostileNameNeverReachesTheScreenRaw() {
        var s = state(contexts: ["prod"])
        _ = run("ctx \u{1B}[2Jx", in: &s)
        #expect(s.flash?.text.contains("\u{1B}") == false)
    }

    @Test func tabCompletesContextNames() {
        var s = state(contexts: ["prod-eu", "prod-us", "staging"])
        _ = s.press(.char(":"))
        _ = s.type("ct")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "ctx ")
        _ = s.type("pr")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "ctx prod-")
        _ = s.type("u")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "ctx prod-us")
    }
}
