import Foundation
import Testing
@testable import Dashboard

/// Issue 13: panes that read different databases. Each poll result names its panes; one
/// database failing marks only its panes, and the status bar shows every pane's database.
@Suite struct SplitDatabaseScreenTests {
    /// Toggles on one database, sessions on a second, errors and logs on a third, all polled at t0.
    static func splitState(width: Int = 80, height: Int? = nil) -> AppState {
        let height = height ?? (width > 80 ? 56 : 24)
        var s = AppState(now: Fixtures.t0, width: width, height: height, server: Fixtures.server, timeZone: Fixtures.utc)
        s.links = [LinkState(panes: [.toggles]), LinkState(panes: [.sessions]), LinkState(panes: [.errors, .logs])]
        var toggles = DashboardSnapshot(toggles: Fixtures.toggles)
        toggles.panes = [.toggles]
        var sessions = DashboardSnapshot(sessions: Fixtures.sessions, sessionsCount: .exact(2))
        sessions.panes = [.sessions]
        var rest = DashboardSnapshot(
            newLogLines: [Fixtures.log("api", .error, "payment timed out", 0)],
            errorCounts: [ToggleCount(toggle: "darkMode", count: 1)], server: Fixtures.server)
        rest.panes = [.errors, .logs]
        for snapshot in [toggles, sessions, rest] {
            _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.t0))
        }
        return s
    }

    @Test func allUpShowsAMarkPerPane() {
        let s = Self.splitState()
        let status = Fixtures.screen(s).lines()[22]
        #expect(status.hasPrefix(" staging │ toggles ● sessions ● errors ● logs ● │ data just now"), "\(status)")
        #expect(!status.contains("STALE"))
    }

    /// The sessions' database goes down: the Sessions pane keeps its rows, says why on its last
    /// row and is marked stale; the status bar marks sessions ✕; the toggles keep updating.
    @Test func oneDatabaseDownMarksOnlyItsPane() {
        var s = Self.splitState()
        _ = update(
            &s,
            .pollFailed(
                error: "Connection refused", retryIn: 4, at: Fixtures.at(10),
                advice: "could not connect to 127.0.0.1:7001: Connection refused", panes: [.sessions]))
        var fresh = DashboardSnapshot(toggles: Fixtures.toggles)
        fresh.panes = [.toggles]
        _ = update(&s, .pollSucceeded(fresh, duration: 0.01, at: Fixtures.at(10)))
        #expect(s.connection(of: .toggles) == .connected)
        #expect(s.isStale(.sessions) && !s.isStale(.toggles))
        _ = s.press(.char("2"))
        #expect(
            Fixtures.picture(Fixtures.screen(s)) == """
                 1 Toggles │ 2 Sessions │ 3 Errors │ 4 Logs ● │ 5 Server
                ┌ 2 Sessions 2 ────────────────────────────────────────────────────────────────┐
                │Key                   Auth type Name                                       TTL│
                │session:4156e021:1234 fb-user   John Smith                              59m50s│
                │session:99aa:77       email     Ana Lee                                   none│
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │                                                                              │
                │ STALE 10s  reconnecting… Connection refused · retry in 4s                    │
                └──────────────────────────────────────────────────────────────────────────────┘
                 staging │ toggles ● sessions ✕ errors ○ logs ○ │ data 10s ago │ Redis 7.0.15 │…
                 Enter details · / filter · o/O sort · m mask/reveal · : command · ? help
                """)
        // The Toggles pane, fresh, carries no banner.
        _ = s.press(.char("1"))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("reconnecting"))
    }

    /// A pane whose database never answered explains why in its place, the others show data.
    @Test func aDatabaseDownFromTheStartExplainsInItsPane() {
        var s = AppState(now: Fixtures.t0, width: 80, height: 24, server: Fixtures.server, timeZone: Fixtures.utc)
        s.links = [LinkState(panes: [.toggles]), LinkState(panes: [.sessions, .errors, .logs])]
        _ = update(
            &s,
            .pollFailed(
                error: "Connection refused", retryIn: 1, at: Fixtures.t0,
                advice: "could not connect to errors.internal:6379: Connection refused",
                panes: [.sessions, .errors, .logs]))
        var toggles = DashboardSnapshot(toggles: Fixtures.toggles)
        toggles.panes = [.toggles]
        _ = update(&s, .pollSucceeded(toggles, duration: 0.01, at: Fixtures.t0))
        let togglesScreen = Fixtures.picture(Fixtures.screen(s))
        #expect(togglesScreen.contains("useNewAlgorithm") && !togglesScreen.contains("could not connect"))
        _ = s.press(.char("2"))
        let lines = Fixtures.screen(s).lines()
        #expect(lines[3].contains("could not connect to errors.internal:6379: Connection refused"), "\(lines)")
        #expect(lines[22].contains("toggles ● sessions ✕ errors ✕ logs ✕"), "\(lines[22])")
    }

    /// With one database the status bar is as it always was.
    @Test func oneDatabaseLooksAsBefore() {
        let s = Fixtures.loaded()
        #expect(Fixtures.screen(s).lines()[22].hasPrefix(" staging │ connected │ data just now · poll 12ms │ 127.0.0.1:6379"))
    }
}

/// How changes arrive, per database: "live" only when every database that is up reports them.
@Suite struct SplitUpdateModeTests {
    @Test func thePolledPanesAreNamed() {
        var s = SplitDatabaseScreenTests.splitState(width: 200)
        for (index, mode) in ["live", "polling (CLIENT not permitted (ACL))", "live"].enumerated() {
            var snapshot = DashboardSnapshot()
            snapshot.panes = s.links[index].panes
            snapshot.updateMode = mode
            _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.t0))
        }
        let status = Fixtures.screen(s).lines()[54]
        #expect(status.contains("data just now · sessions polling (CLIENT not permitted (ACL))"), "\(status)")
        _ = update(&s, .pollFailed(error: "Connection refused", retryIn: 1, at: Fixtures.t0, panes: [.sessions]))
        #expect(Fixtures.screen(s).lines()[54].contains("data just now · live │"))
    }
}

/// A database that stalls (no error, no answer) turns its panes stale after three intervals.
@Suite struct SplitStalledDatabaseTests {
    @Test func aSilentDatabaseMarksItsPanesStale() {
        var s = SplitDatabaseScreenTests.splitState()
        var toggles = DashboardSnapshot(toggles: Fixtures.toggles)
        toggles.panes = [.toggles]
        var sessions = DashboardSnapshot()
        sessions.panes = [.sessions]
        _ = update(&s, .pollSucceeded(toggles, duration: 0.01, at: Fixtures.at(5)))
        _ = update(&s, .pollSucceeded(sessions, duration: 0.01, at: Fixtures.at(5)))
        _ = update(&s, .tick(Fixtures.at(5)))
        _ = s.press(.char("4"))
        let lines = Fixtures.screen(s).lines()
        #expect(lines[20].contains("STALE 5s  no answer from its server"), "\(lines[20])")
        #expect(lines[22].contains("toggles ● sessions ● errors ○ logs ○"), "\(lines[22])")
        _ = s.press(.char("1"))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("no answer"))
    }
}
