import Dashboard
import Foundation
import Testing

/// Data can shrink under the cursor: a server restarted empty, a list trimmed, a filter
/// narrowed. Selections and scroll positions must follow without crashing.
@Suite struct ShrinkingDataTests {
    @Test(arguments: [(80, 24), (200, 56)])
    func dataShrinkingUnderTheSelectionKeepsWorking(_ size: (Int, Int)) {
        var state = Fixtures.loaded(width: size.0, height: size.1)
        let many = (0..<120).map { ToggleRow(name: "toggle\($0)", rawValue: "on", status: .on) }
        let sessions = (0..<300).map { SessionRow(key: "session:\($0)", fields: [FieldRow(name: "authType", value: "guest")], ttl: 60) }
        let logs = (0..<400).map { Fixtures.log("svc", .info, "line \($0)", Double($0)) }
        _ = update(
            &state,
            .pollSucceeded(
                DashboardSnapshot(toggles: many, sessions: sessions, sessionsCount: .exact(300), newLogLines: logs),
                duration: 0.01, at: Fixtures.at(1)))
        for pane in ["1", "2", "4"] {
            _ = update(&state, .key(.char(Character(pane))))
            _ = update(&state, .key(.char("G")))
        }
        _ = update(&state, .pollFailed(error: "connection refused", retryIn: 1, at: Fixtures.at(2)))
        let empty = DashboardSnapshot(
            toggles: [ToggleRow(name: "recovered", rawValue: "on", status: .on)], sessions: [],
            sessionsCount: .exact(0), newLogLines: [])
        _ = update(&state, .pollSucceeded(empty, duration: 0.01, at: Fixtures.at(3)))
        _ = update(&state, .key(.char("1")))
        var buffer = ScreenBuffer(width: size.0, height: size.1)
        render(state, theme: .monochrome, into: &buffer)
        #expect(buffer.lines().joined().contains("recovered"))
        for key: Key in [.char("1"), .char("j"), .char("k"), .enter, .escape, .char("2"), .enter, .escape] {
            _ = update(&state, .key(key))
            render(state, theme: .monochrome, into: &buffer)
            // Whatever the key, the selection stays inside what is left, and the screen still
            // shows the one toggle and the empty session list for what they are.
            #expect(state.toggles.table.selected.map { $0 < state.toggles.visible.count } ?? true, "after \(key)")
            #expect(state.sessions.table.selected == nil, "no session left to select, after \(key)")
        }
        #expect(buffer.lines().joined().contains("Sessions"), "the Sessions pane is drawn, not a crash screen")
    }
}
