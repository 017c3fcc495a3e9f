import Foundation
import Testing
@testable import Dashboard

/// Issue 23, bug 4: a search (as `e` from a toggle runs) spans every record, and the title says
/// "all time" rather than the window; `r` refreshes the list, and "N new" clears with it.
@Suite struct ErrorsSearchWindowTests {
    static let result = ErrorSearchView(
        query: "toggle:checkout", total: 1, rows: Fixtures.errorRows,
        backendLabel: "RediSearch 1.x")

    static func searched() -> AppState {
        var s = Fixtures.loaded()
        _ = s.press(.char("3"), .char("/"))
        _ = s.type("toggle:checkout")
        _ = s.press(.enter)
        _ = update(&s, .searchFinished(.success(Self.result)))
        return s
    }

    @Test func aSearchSaysAllTimeNotTheWindow() {
        let s = Self.searched()
        let text = Fixtures.picture(Fixtures.screen(s))
        #expect(text.contains("3 Errors (search: all time"), "\(text)")
        #expect(!text.contains("3 Errors (last 15m"))
    }

    @Test func refreshClearsTheNewMarker() {
        var s = Self.searched()
        var more = Self.result
        more.total = 73
        s.errors.refreshSearch(more)
        #expect(s.errors.newSinceSearch == 72)
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("72 new"))
        let effects = s.press(.char("r"))
        #expect(effects.contains(.search(query: "toggle:checkout")), "r runs the shown search again")
        _ = update(&s, .searchFinished(.success(more)))
        #expect(s.errors.newSinceSearch == 0)
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains(" new"))
    }
}
