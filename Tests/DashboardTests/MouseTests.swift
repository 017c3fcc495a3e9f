import Foundation
import Testing
@testable import Dashboard

/// Issue 25, mouse: a click focuses the pane and selects the row drawn under the pointer, the
/// wheel scrolls the pane under it, a click on a tab switches. Positions are read from the
/// rendered picture, so a click lands where the person sees the text.
@Suite struct MouseTests {
    /// The (x, y) of the first cell of `text` on the rendered screen.
    private func find(_ text: String, in state: AppState) throws -> (x: Int, y: Int) {
        let lines = Fixtures.screen(state).lines()
        for (y, line) in lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), y) }
        }
        throw Failure("\(text) is not on screen:\n\(lines.joined(separator: "\n"))")
    }

    private struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private func click(_ state: inout AppState, _ kind: MouseEvent.Kind = .press, at p: (x: Int, y: Int)) -> [Effect] {
        update(&state, .mouse(MouseEvent(kind, x: p.x, y: p.y)))
    }

    @Test func aClickOnARowOfTheOtherPaneFocusesItAndSelectsThatRow() throws {
        var s = Fixtures.loaded(width: 120, height: 40)
        #expect(s.focus == .toggles)
        let second = Fixtures.sessions[1].key
        let at = try find(second, in: s)
        #expect(click(&s, at: at).isEmpty)
        #expect(s.focus == .sessions)
        #expect(s.sessions.selectedRow?.key == second)
        #expect(s.sessions.table.chosen, "a click is the person's choice: the selection follows the record")
        // Back in Toggles, a click on the last toggle selects it.
        let last = try find("useNewAlgorithm", in: s)
        _ = click(&s, at: last)
        #expect(s.focus == .toggles)
        #expect(s.toggles.selectedRow?.name == "useNewAlgorithm")
    }

    @Test func theHeaderTheBorderAndBlankRowsBelowTheListOnlyFocus() throws {
        var s = Fixtures.loaded(width: 120, height: 40)
        _ = s.press(.char("j"))
        let header = try find("Name", in: s)
        _ = click(&s, at: header)
        #expect(s.toggles.selectedRow?.name == "darkMode", "the header selects nothing")
        _ = click(&s, at: (x: 5, y: 30)) // below the four toggles
        #expect(s.toggles.selectedRow?.name == "darkMode")
        #expect(MouseTarget.at(x: 0, y: 1, in: s) == .pane(.toggles, row: nil), "the border")
        #expect(MouseTarget.at(x: 3, y: s.height - 1, in: s) == nil, "the hint row answers no click")
    }

    @Test func aClickOnATabSwitchesToIt() throws {
        var s = Fixtures.loaded(width: 80, height: 24)
        for (title, pane) in [("3 Errors", Pane.errors), ("5 Server", .server), ("2 Sessions", .sessions), ("1 Toggles", .toggles)] {
            let at = try find(title, in: s)
            _ = click(&s, at: (x: at.x + 2, y: at.y))
            #expect(s.focus == pane, "\(title)")
        }
        // The separator between two tabs is neither.
        let errors = try find("3 Errors", in: s)
        #expect(MouseTarget.at(x: errors.x - 2, y: 0, in: s) == nil)
    }

    @Test func theWheelScrollsThePaneUnderThePointer() throws {
        var s = AppState(now: Fixtures.t0, width: 120, height: 40, timeZone: Fixtures.utc)
        let many = (0..<100).map { ToggleRow(name: String(format: "t%03d", $0), rawValue: "on", status: .on) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: many, sessions: Fixtures.sessions), duration: 0.01, at: Fixtures.t0))
        let row = try find("t002", in: s)
        _ = click(&s, .wheelDown, at: row)
        _ = click(&s, .wheelDown, at: row)
        #expect(s.toggles.selectedRow?.name == "t006")
        _ = click(&s, .wheelUp, at: row)
        #expect(s.toggles.selectedRow?.name == "t003")
        // Far down, the view follows and a click still picks the row drawn there.
        for _ in 0..<20 { _ = click(&s, .wheelDown, at: row) }
        #expect(s.toggles.selectedRow?.name == "t063")
        let shown = try find("t050", in: s)
        _ = click(&s, at: shown)
        #expect(s.toggles.selectedRow?.name == "t050")
    }

    @Test func aClickInsideAnOpenDetailOrBehindADialogSelectsNothing() throws {
        var s = Fixtures.loaded(width: 120, height: 40)
        _ = s.press(.tab, .enter)
        #expect(s.sessions.detail != nil)
        _ = click(&s, at: (x: 70, y: 8))
        #expect(s.sessions.table.selected == 0, "the detail has no rows to pick")
        _ = s.press(.escape, .char("1"), .char("?"))
        let before = s
        _ = click(&s, at: try find("2 Sessions", in: Fixtures.loaded(width: 120, height: 40)))
        #expect(s == before, "help keeps the keys and the mouse")
    }

    @Test func aClickOnAnErrorRowSelectsIt() throws {
        var s = Fixtures.loaded(width: 80, height: 24)
        var other = Fixtures.errorRows[0]
        other.id = "darkMode:03-12-19-10-40-00"
        other.toggleName = "darkMode"
        let view = ErrorSearchView(query: "x", total: 2, rows: Fixtures.errorRows + [other], backendLabel: "RediSearch 1.x")
        _ = s.press(.char("3"))
        _ = update(&s, .searchFinished(.success(view)))
        #expect(s.errors.selectedRow?.toggleName == "useNewAlgorithm")
        let at = try find("darkMode", in: s)
        _ = click(&s, at: at)
        #expect(s.errors.selectedRow?.id == other.id)
    }

    @Test func tabPositionsFollowTheTitlesAsDrawn() {
        let titles = ["1 Toggles", "2 Sessions ●"]
        // " 1 Toggles │ 2 Sessions ● "
        #expect(TabBar.index(atX: 0, titles: titles) == 0)
        #expect(TabBar.index(atX: 10, titles: titles) == 0)
        #expect(TabBar.index(atX: 11, titles: titles) == nil)
        #expect(TabBar.index(atX: 12, titles: titles) == 1)
        #expect(TabBar.index(atX: 25, titles: titles) == 1)
        #expect(TabBar.index(atX: 26, titles: titles) == nil)
    }
}
