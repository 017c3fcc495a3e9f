import Foundation
import Testing
@testable import Dashboard

/// The Errors pane: search runs on Enter, results arrive, details open, jump to the toggle.
@Suite struct ErrorsFlowTests {
    static let result = ErrorSearchView(
        query: "john", total: 1, rows: Fixtures.errorRows,
        backendLabel: "RediSearch 1.x", terms: ["John"])

    @Test func slashEditsQueryAndEnterRunsTheSearch() {
        var s = Fixtures.loaded()
        _ = s.press(.char("3"), .char("/"))
        // t, j and q are letters here, not jump/move/quit.
        #expect(s.type("john q").isEmpty)
        _ = s.press(.backspace, .backspace)
        #expect(s.press(.enter) == [.search(query: "john")])
        #expect(s.errors.searching && !s.errors.editingQuery)
        _ = update(&s, .searchFinished(.success(Self.result)))
        #expect(!s.errors.searching && s.errors.selectedRow?.id == Fixtures.errorRows[0].id)
    }

    @Test func latestErrorsShowUntilTheUserSearches() {
        var s = Fixtures.loaded()
        let latest = ErrorSearchView(query: "", total: 9, rows: Fixtures.errorRows, backendLabel: "RediSearch 1.x")
        _ = update(&s, .pollSucceeded(DashboardSnapshot(latestErrors: latest), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.errors.result == latest, "before any search the pane lists the newest errors")
        _ = s.press(.char("3"), .char("/"))
        _ = s.type("john")
        _ = s.press(.enter)
        _ = update(&s, .searchFinished(.success(Self.result)))
        let newer = ErrorSearchView(query: "", total: 10, rows: [], backendLabel: "RediSearch 1.x")
        _ = update(&s, .pollSucceeded(DashboardSnapshot(latestErrors: newer), duration: 0.01, at: Fixtures.at(2)))
        #expect(s.errors.result == Self.result, "a poll never replaces the user's search results")
        var buffer = ScreenBuffer(width: 80, height: 24)
        render(s, theme: .monochrome, into: &buffer)
        #expect(buffer.lines().joined().contains("found"))
    }

    @Test func escLeavesTheFieldWithoutSearching() {
        var s = Fixtures.loaded()
        _ = s.press(.char("3"), .char("/"))
        _ = s.type("x")
        #expect(s.press(.escape).isEmpty)
        #expect(!s.errors.editingQuery && s.errors.query.text == "x")
    }

    @Test func failedSearchKeepsResultsAndSaysWhy() {
        var s = Fixtures.loaded()
        _ = update(&s, .searchFinished(.success(Self.result)))
        _ = update(&s, .searchFinished(.failure("no such index")))
        #expect(s.errors.searchError == "no such index" && s.errors.rows.count == 1)
    }

    @Test func jumpFromErrorToItsToggle() {
        var s = Fixtures.loaded()
        _ = s.press(.char("/"))
        _ = s.type("dark")
        _ = s.press(.enter) // a Toggles filter that hides the target
        _ = s.press(.char("3"))
        _ = update(&s, .searchFinished(.success(Self.result)))
        _ = s.press(.enter)
        #expect(s.errors.detail?.toggleName == "useNewAlgorithm")
        _ = s.press(.char("t"))
        #expect(s.focus == .toggles)
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
        #expect(s.toggles.filter.isEmpty)
    }

    @Test func jumpToAMissingToggleSaysSo() {
        var s = Fixtures.loaded()
        var other = Self.result
        other.rows[0].toggleName = "ghost"
        _ = update(&s, .searchFinished(.success(other)))
        _ = s.press(.char("3"), .char("t"))
        #expect(s.focus == .errors && s.flash?.isError == true)
    }
}
