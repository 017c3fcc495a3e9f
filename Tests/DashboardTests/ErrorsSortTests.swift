import Foundation
import Testing
@testable import Dashboard

/// Issue 25, bug 6: the Errors pane sorts too — the groups and the errors each by any column
/// that has a value (`o` next column, `O` reverse), shown in the header and the title, kept
/// across polls and searches, the selection staying on its group or error.
@Suite struct ErrorsSortTests {
    static let third = ErrorGroupRow(
        id: "c", toggleName: "betaCheckout", exception: "NullPointerException", count: 7,
        firstSeen: Fixtures.at(-100), lastSeen: Fixtures.at(-30), series: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4], members: [])

    static func grouped() -> AppState {
        var s = ErrorGroupScreenTests.grouped(width: 80, height: 24)
        var snapshot = DashboardSnapshot()
        snapshot.errorGroups = ErrorGroupScreenTests.groups + [third]
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.t0))
        return s
    }

    private func toggles(_ s: AppState) -> [String] { (s.errors.groups ?? []).map(\.toggleName) }

    @Test func groupsSortByEachColumnBothWaysAndKeepTheirSelection() {
        var s = Self.grouped()
        #expect(toggles(s) == ["useNewAlgorithm", "darkMode", "betaCheckout"], "as read until asked")
        _ = s.press(.char("j"))
        #expect(s.errors.selectedGroup?.id == "b")
        _ = s.press(.char("o"))
        #expect(s.errors.groupSort == .last)
        #expect(toggles(s) == ["betaCheckout", "useNewAlgorithm", "darkMode"], "most recent first")
        #expect(s.errors.selectedGroup?.id == "b", "the selection follows the group")
        var picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("┌ 3 Errors (last 15m, 3 groups, by last seen) "))
        #expect(picture.contains("│Count Last▲   Trend        Toggle          Exception"))
        _ = s.press(.char("O"))
        #expect(toggles(s) == ["darkMode", "useNewAlgorithm", "betaCheckout"])
        picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("by last seen, reversed"))
        #expect(picture.contains("│Count Last▼"))
        _ = s.press(.char("o"))
        #expect(s.errors.groupSort == .toggle && !s.errors.groupDescending)
        #expect(toggles(s) == ["betaCheckout", "darkMode", "useNewAlgorithm"])
        _ = s.press(.char("o"))
        #expect(s.errors.groupSort == .exception)
        #expect(toggles(s) == ["useNewAlgorithm", "betaCheckout", "darkMode"])
        _ = s.press(.char("o"))
        #expect(s.errors.groupSort == .count)
        #expect(toggles(s) == ["useNewAlgorithm", "betaCheckout", "darkMode"], "biggest first")
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("│Count▲ Last"))
        _ = s.press(.char("O"))
        #expect(toggles(s) == ["darkMode", "betaCheckout", "useNewAlgorithm"])
    }

    @Test func aNewPollKeepsTheChosenOrder() {
        var s = Self.grouped()
        _ = s.press(.char("o"), .char("o")) // by toggle
        var snapshot = DashboardSnapshot()
        snapshot.errorGroups = [Self.third] + ErrorGroupScreenTests.groups.reversed()
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        #expect(toggles(s) == ["betaCheckout", "darkMode", "useNewAlgorithm"])
    }

    @Test func errorsSortAndSearchResultsArriveSorted() {
        var s = Self.grouped()
        _ = s.press(.char("v"))
        let rows = (1...3).map { ErrorGroupScreenTests.member($0, seconds: Double($0) * 60) }
        var renamed = rows
        renamed[0].toggleName = "zeta"
        renamed[2].toggleName = "alpha"
        _ = update(&s, .searchFinished(.success(ErrorSearchView(query: "x", total: 3, rows: renamed, backendLabel: "RediSearch 1.x"))))
        #expect(s.errors.rows.map(\.toggleName) == ["zeta", "useNewAlgorithm", "alpha"], "newest first, as read")
        _ = s.press(.char("O"))
        #expect(s.errors.rowSort == .when && s.errors.rowDescending)
        #expect(s.errors.rows.map(\.toggleName) == ["alpha", "useNewAlgorithm", "zeta"], "oldest first")
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("│When▼"))
        _ = s.press(.char("o"))
        #expect(s.errors.rowSort == .toggle)
        #expect(s.errors.rows.map(\.toggleName) == ["alpha", "useNewAlgorithm", "zeta"])
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("Toggle▲"))
        // The next search's results come in the chosen order too.
        _ = update(
            &s, .searchFinished(.success(ErrorSearchView(query: "y", total: 3, rows: renamed.reversed(), backendLabel: "RediSearch 1.x"))))
        #expect(s.errors.rows.map(\.toggleName) == ["alpha", "useNewAlgorithm", "zeta"])
    }

    @Test func theHintRowOffersSortInErrors() {
        let s = Self.grouped()
        #expect(s.focus.behavior.hints(s).contains(.cycleSort))
    }
}
