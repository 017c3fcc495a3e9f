import Foundation
import Testing
@testable import Dashboard

/// An open toggle detail follows what the polls bring (issue 23's storm trial: after a flip by
/// redis-cli the detail kept "ON for everyone" and an old error count until `r`). A flip of the
/// shown toggle re-reads the whole detail; a move of its error figure re-reads its errors, at
/// most every `errorsInterval` seconds; a poll that moves neither asks for nothing.
@Suite struct ToggleDetailFreshnessTests {
    static let name = "useNewAlgorithm"

    /// The fixture with the detail of `name` open and loaded, and a first errors poll applied.
    static func opened() -> AppState {
        var s = Fixtures.loaded()
        s.toggles.table.selected = s.toggles.visible.firstIndex { s.toggles.rows[$0].name == name }
        _ = update(&s, .key(.enter))
        #expect(s.toggles.detail == .loading(name: name))
        let detail = ToggleDetail(
            name: name, key: name, fields: [FieldRow(name: "toggle", value: "True")], rule: "ON for everyone",
            reached: 2, totalSessions: 2, history: [], outsideChange: nil, errorCount: 3, recentErrors: [],
            errorsNote: nil, fetchedAt: Fixtures.at(1))
        _ = update(&s, .toggleDetailLoaded(.loaded(detail)))
        _ = update(&s, .pollSucceeded(errorsPoll(count: 3), duration: 0.01, at: Fixtures.at(2)))
        return s
    }

    static func errorsPoll(count: Int) -> DashboardSnapshot {
        var part = ErrorsPart()
        part.rates = [name: ErrorRate(count: count, series: [count], times: [])]
        return DashboardSnapshot([part])
    }

    static func togglesPoll(value: String) -> DashboardSnapshot {
        let rows = Fixtures.toggles.map { row -> ToggleRow in
            guard row.name == name else { return row }
            return ToggleRow(
                name: row.name, rawValue: value, status: value == "True" ? .on : .off, releaseNum: row.releaseNum,
                fingerprint: row.fingerprint, override: row.override, lastChange: row.lastChange, flipTarget: "True")
        }
        return DashboardSnapshot([TogglesPart(rows: rows)])
    }

    @Test func aFlipOfTheShownToggleReadsTheWholeDetailAgain() {
        var s = Self.opened()
        let effects = update(&s, .pollSucceeded(Self.togglesPoll(value: "False"), duration: 0.01, at: Fixtures.at(3)))
        #expect(effects.contains(.loadToggleDetail(name: Self.name)))
        // The old detail stays on screen until the answer comes: no blank "loading" flash.
        guard case .loaded = s.toggles.detail else {
            Issue.record("the detail went blank while it is read again")
            return
        }
    }

    /// A flip made here does not flash (it is no news), yet the detail must show it too.
    @Test func anOwnFlipReadsTheDetailAgainToo() {
        var s = Self.opened()
        s.toggles.pendingOwnFlips[Self.name] = "False"
        let effects = update(&s, .pollSucceeded(Self.togglesPoll(value: "False"), duration: 0.01, at: Fixtures.at(3)))
        #expect(!s.toggles.isFlashing(Self.name, now: Fixtures.at(3)), "an own flip does not flash")
        #expect(effects.contains(.loadToggleDetail(name: Self.name)))
    }

    /// A guard's badge ticks every check; the stored toggle did not change.
    @Test func aTickingGuardBadgeReadsNothing() {
        var s = Self.opened()
        var rows = Fixtures.toggles
        rows[0].guardBadge = GuardBadge(state: .running, ends: Fixtures.at(720), progress: "3/20")
        let effects = update(&s, .pollSucceeded(DashboardSnapshot([TogglesPart(rows: rows)]), duration: 0.01, at: Fixtures.at(3)))
        #expect(!effects.contains(.loadToggleDetail(name: Self.name)))
    }

    @Test func aMovedErrorFigureReadsItsErrorsAgainAtMostEveryTwoSeconds() {
        var s = Self.opened()
        let first = update(&s, .pollSucceeded(Self.errorsPoll(count: 7), duration: 0.01, at: Fixtures.at(4)))
        #expect(first.contains(.refreshToggleDetailErrors(name: Self.name)))
        let soon = update(&s, .pollSucceeded(Self.errorsPoll(count: 9), duration: 0.01, at: Fixtures.at(5)))
        #expect(!soon.contains(.refreshToggleDetailErrors(name: Self.name)), "within two seconds of the last read")
        let later = update(&s, .pollSucceeded(Self.errorsPoll(count: 9), duration: 0.01, at: Fixtures.at(6.5)))
        #expect(later.contains(.refreshToggleDetailErrors(name: Self.name)))
        _ = update(
            &s, .toggleDetailErrorsLoaded(name: Self.name, ToggleDetailErrors(count: 412, recent: Fixtures.errorRows, note: nil)))
        guard case .loaded(let detail) = s.toggles.detail else {
            Issue.record("no detail")
            return
        }
        #expect(detail.errorCount == 412 && detail.recentErrors == Fixtures.errorRows && detail.rule == "ON for everyone")
    }

    @Test func aPollThatMovesNeitherAsksForNothing() {
        var s = Self.opened()
        let effects = update(&s, .pollSucceeded(Self.errorsPoll(count: 3), duration: 0.01, at: Fixtures.at(9)))
        #expect(!effects.contains(.refreshToggleDetailErrors(name: Self.name)))
        #expect(!effects.contains(.loadToggleDetail(name: Self.name)))
    }

    @Test func anAnswerForAnotherToggleIsNotTaken() {
        var s = Self.opened()
        _ = update(&s, .toggleDetailErrorsLoaded(name: "darkMode", ToggleDetailErrors(count: 99, recent: [], note: nil)))
        guard case .loaded(let detail) = s.toggles.detail else {
            Issue.record("no detail")
            return
        }
        #expect(detail.errorCount == 3)
    }
}
