import Foundation
import Testing
@testable import Dashboard

/// Issue 25, bug 7: while discovery finds smaller keys the view does not scroll by itself;
/// until the person moves, the selection stays on the first row. The filtered sessions list
/// is sorted.
@Suite struct DiscoveryScrollTests {
    static func toggles(_ names: [String]) -> [ToggleRow] {
        names.map { ToggleRow(name: $0, rawValue: "on", status: .on) }
    }

    static func sessions(_ keys: [String]) -> [SessionRow] {
        keys.map { SessionRow(key: $0, fields: [FieldRow(name: "name", value: "user " + $0)]) }
    }

    @Test func selectionStaysOnTheFirstRowWhileSmallerKeysArrive() {
        var s = AppState(now: Fixtures.t0, width: 120, height: 40, timeZone: Fixtures.utc)
        var names = (500..<600).map { String(format: "t%04d", $0) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Self.toggles(names)), duration: 0.01, at: Fixtures.t0))
        #expect(s.toggles.table.selected == 0 && s.toggles.table.offset == 0)
        // Discovery finds 100 smaller names: the view stays at the top.
        names += (0..<100).map { String(format: "t%04d", $0) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Self.toggles(names)), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.toggles.table.selected == 0, "the first row stays selected")
        #expect(s.toggles.table.offset == 0, "the view did not scroll by itself")
        #expect(s.toggles.selectedRow?.name == "t0000")
        #expect(
            PaneChrome.position(
                s.toggles.table, rowCount: s.toggles.visible.count,
                visibleRows: s.listRows(for: .toggles))?.hasPrefix("1–") == true)
    }

    @Test func afterAMoveTheSelectionFollowsTheRecord() {
        var s = AppState(now: Fixtures.t0, width: 120, height: 40, timeZone: Fixtures.utc)
        var names = (500..<600).map { String(format: "t%04d", $0) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Self.toggles(names)), duration: 0.01, at: Fixtures.t0))
        _ = s.press(.char("j"))
        #expect(s.toggles.selectedRow?.name == "t0501")
        names += (0..<100).map { String(format: "t%04d", $0) }
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Self.toggles(names)), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.toggles.selectedRow?.name == "t0501", "the chosen record stays selected")
    }

    @Test func aSessionsFilterStartsAtTheTopAndIsSorted() {
        var s = AppState(now: Fixtures.t0, width: 120, height: 40, timeZone: Fixtures.utc)
        // In the order a SCAN finds them: not sorted.
        let keys = (0..<500).map { "session:" + String(format: "%04d", ($0 * 7919) % 500) }
        var snapshot = DashboardSnapshot()
        snapshot[SessionsPart.self] = SessionsPart(rows: Self.sessions(keys), count: .exact(500))
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.t0))
        _ = s.press(.char("2"), .char("/"))
        _ = s.type("session:04")
        let shown = s.sessions.visible.map { s.sessions.rows[$0].key }
        #expect(shown == shown.sorted(), "the filtered list is sorted")
        #expect(shown.first == "session:0400")
        #expect(s.sessions.table.selected == 0 && s.sessions.table.offset == 0)
    }
}

/// Issue 25, bug 6: the Sessions table sorts by any column both ways, shown in the header.
@Suite struct SessionSortTests {
    @Test func oAndOSortSessionsAndTheHeaderSaysHow() {
        var s = Fixtures.loaded(width: 120, height: 40)
        _ = s.press(.char("2"))
        let keys = { (s: AppState) in s.sessions.visible.map { s.sessions.rows[$0].key } }
        _ = s.press(.char("O"))
        #expect(s.sessions.sort == .key && s.sessions.descending)
        #expect(keys(s) == keys(s).sorted(by: >))
        var picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("Key▼"), "\(picture)")
        #expect(picture.contains("by key, reversed"))
        _ = s.press(.char("o"))
        #expect(s.sessions.sort == .authType && !s.sessions.descending)
        let auth = s.sessions.visible.map { s.sessions.rows[$0].authType ?? "" }
        #expect(auth == auth.sorted())
        _ = s.press(.char("o"), .char("o"))
        #expect(s.sessions.sort == .ttl)
        picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("TTL▲"))
        #expect(KeyHints.text(s).contains("o/O sort"))
    }
}
