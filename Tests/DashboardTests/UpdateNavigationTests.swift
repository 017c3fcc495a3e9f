import Foundation
import Testing
@testable import Dashboard

/// Keys that move around: focus, selection, filters, help, masking, quit.
@Suite struct UpdateNavigationTests {
    @Test func tabShiftTabAndDigitsMoveFocus() {
        var s = Fixtures.loaded()
        #expect(s.focus == .toggles)
        _ = s.press(.tab)
        #expect(s.focus == .sessions)
        _ = s.press(.backTab, .backTab)
        #expect(s.focus == .server)
        _ = s.press(.backTab)
        #expect(s.focus == .logs)
        _ = s.press(.char("3"))
        #expect(s.focus == .errors)
        _ = s.press(.char("1"))
        #expect(s.focus == .toggles)
    }

    @Test func movementClampsAndJumps() {
        var s = Fixtures.loaded()
        // Sorted by name: betaCheckout, darkMode, legacyPayments, useNewAlgorithm.
        #expect(s.toggles.selectedRow?.name == "betaCheckout")
        _ = s.press(.char("j"), .down)
        #expect(s.toggles.selectedRow?.name == "legacyPayments")
        _ = s.press(.char("k"))
        #expect(s.toggles.selectedRow?.name == "darkMode")
        _ = s.press(.char("G"))
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
        _ = s.press(.char("j"))
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
        _ = s.press(.char("g"))
        #expect(s.toggles.selectedRow?.name == "betaCheckout")
        _ = s.press(.pageDown)
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
        _ = s.press(.pageUp)
        #expect(s.toggles.selectedRow?.name == "betaCheckout")
    }

    @Test func pagingKeepsOffsetSoMovingUpDoesNotJump() {
        var s = AppState(now: Fixtures.t0, width: 80, height: 24, timeZone: Fixtures.utc)
        let many = (0..<100).map { ToggleRow(name: String(format: "t%03d", $0), rawValue: "on", status: .on) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: many), duration: 0.01, at: Fixtures.t0))
        let page = s.listRows(for: .toggles)
        #expect(page == 18) // 24 rows - tabs - status - hints - borders - header
        _ = s.press(.pageDown, .pageDown)
        #expect(s.toggles.table.selected == 34)
        #expect(s.toggles.table.offset == 17)
        _ = s.press(.char("k"))
        #expect(s.toggles.table.offset == 17)
    }

    @Test func filterTypesLettersThatAreAlsoCommands() {
        var s = Fixtures.loaded()
        _ = s.press(.char("/"))
        #expect(s.isEditingText)
        // q, j, r and Space would quit, move, refresh and flip outside the field.
        let effects = s.type("dark q")
        #expect(effects.isEmpty)
        #expect(s.toggles.filter.text == "dark q")
        #expect(s.toggles.visible.isEmpty)
        _ = s.press(.backspace, .backspace)
        #expect(s.toggles.visible.map { s.toggles.rows[$0].name } == ["darkMode"])
        _ = s.press(.enter)
        #expect(!s.isEditingText && s.toggles.filter.text == "dark")
        #expect(s.toggles.selectedRow?.name == "darkMode")
        _ = s.press(.escape)
        #expect(s.toggles.filter.isEmpty && s.toggles.visible.count == 4)
        #expect(s.toggles.selectedRow?.name == "darkMode") // selection survives the filter
    }

    @Test func sessionFilterTellsThePollerWhenLeavingTheField() {
        var s = Fixtures.loaded()
        _ = s.press(.char("2"), .char("/"))
        #expect(s.type("ana").isEmpty)
        #expect(s.sessions.visible.count == 1)
        #expect(s.press(.enter) == [.setSessionFilter("ana")])
        #expect(s.press(.char("/"), .escape) == [.setSessionFilter("")])
        #expect(s.sessions.visible.count == 2)
    }

    @Test func fieldEqualsValueFiltersExactlyAsTheServerDoes() {
        var s = Fixtures.loaded()
        _ = s.press(.char("2"), .char("/"))
        _ = s.type("authType=fb-user")
        #expect(s.sessions.visible.map { s.sessions.rows[$0].key } == ["session:4156e021:1234"])
        _ = s.press(.backspace)
        #expect(s.sessions.visible.isEmpty, "exact match: fb-use is not fb-user")
        #expect(s.press(.enter) == [.setSessionFilter("authType=fb-use")])
    }

    @Test func sortByReleaseUsesVersionOrder() {
        var s = Fixtures.loaded()
        _ = s.press(.char("o"))
        #expect(s.toggles.sort == .release)
        #expect(s.toggles.visible.map { s.toggles.rows[$0].releaseNum } == ["1.9", "2.5", "2.10", "10.0"])
    }

    @Test func maskAndRevealInSessions() {
        var s = Fixtures.loaded()
        #expect(s.masked)
        _ = s.press(.char("2"), .char("m"))
        #expect(!s.masked)
        _ = s.press(.char("m"))
        #expect(s.masked)
        // m means nothing in Toggles.
        _ = s.press(.char("1"), .char("m"))
        #expect(s.masked)
    }

    @Test func sessionDetailLoadsShowsAndGoesBack() {
        var s = Fixtures.loaded()
        _ = s.press(.char("2"))
        #expect(s.press(.enter) == [.loadSessionDetail(key: "session:4156e021:1234")])
        #expect(s.sessions.detail == .loading(key: "session:4156e021:1234"))
        // An answer for another session (the user moved on) is ignored.
        _ = update(&s, .sessionDetailLoaded(.failed(key: "session:other", error: "gone")))
        #expect(s.sessions.detail == .loading(key: "session:4156e021:1234"))
        _ = update(&s, .sessionDetailLoaded(.failed(key: "session:4156e021:1234", error: "WRONGTYPE")))
        #expect(s.sessions.detail == .failed(key: "session:4156e021:1234", error: "WRONGTYPE"))
        #expect(s.press(.char("r")) == [.refreshNow, .loadSessionDetail(key: "session:4156e021:1234")])
        _ = s.press(.escape)
        #expect(s.sessions.detail == nil)
    }

    @Test func helpOpensAndClosesAndSwallowsKeys() {
        var s = Fixtures.loaded()
        _ = s.press(.char("?"))
        #expect(s.helpVisible)
        #expect(s.press(.char("j"), .char(" ")).isEmpty)
        #expect(s.toggles.selectedRow?.name == "betaCheckout")
        _ = s.press(.char("q"))
        #expect(!s.helpVisible)
        _ = s.press(.char("?"), .escape)
        #expect(!s.helpVisible)
    }

    @Test func quitWithQAndCtrlCEvenWhileTyping() {
        var s = Fixtures.loaded()
        #expect(s.press(.char("q")) == [.quit])
        _ = s.press(.char("/"))
        #expect(s.press(.char("q")).isEmpty)
        #expect(s.press(.ctrl("c")) == [.quit])
        #expect(s.press(.char("r")).isEmpty)
        _ = s.press(.escape)
        #expect(s.press(.char("r")) == [.refreshNow])
    }

    @Test func resizeChangesLayoutMode() {
        var s = Fixtures.loaded()
        #expect(s.layoutMode == .single)
        _ = update(&s, .resized(width: 160, height: 48))
        #expect(s.layoutMode == .grid)
        _ = update(&s, .resized(width: 59, height: 30))
        #expect(s.layoutMode == .tooSmall)
    }
}
