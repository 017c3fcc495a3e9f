import Foundation
import Testing
@testable import Dashboard

/// A poll that reads everything hands its panes over one by one (benchmark 9a): a part makes
/// only its own pane count as polled. Before this, the toggles' part made the Sessions pane
/// claim "2 Sessions 0" for the second the session walk had not reported yet.
@Suite struct EarlyPartTests {
    @Test func aPartCountsOnlyForItsPaneUntilThePollEnds() {
        var s = AppState(now: Fixtures.t0, width: 160, height: 48, server: Fixtures.server, timeZone: Fixtures.utc)
        var part = DashboardSnapshot(toggles: Fixtures.toggles)
        part.covers = [.toggles]
        _ = update(&s, .pollSucceeded(part, duration: 0.2, at: Fixtures.at(1)))
        #expect(s.lastPoll(of: .toggles) == Fixtures.at(1))
        #expect(s.lastPoll(of: .sessions) == nil && s.lastPoll(of: .errors) == nil && s.lastPoll(of: .logs) == nil)
        let picture = Fixtures.picture(Fixtures.screen(s, theme: .dark))
        let top = picture.components(separatedBy: "\n")[0]
        #expect(top.contains("┌ 1 Toggles 4 ─"), "\(top)")
        #expect(top.contains("┌ 2 Sessions ─"), "no count before the sessions are read: \(top)")
        #expect(!picture.contains("No sessions found"), "an empty table is not a fact before the read")
        #expect(!picture.contains("data just now"), "the poll's age comes with its last part")
        #expect(s.lastPollDuration == nil)

        var rest = DashboardSnapshot(sessions: Fixtures.snapshot().sessions, sessionsCount: .exact(2))
        rest.commandsPerSecond = 12
        _ = update(&s, .pollSucceeded(rest, duration: 1.4, at: Fixtures.at(2)))
        #expect(Pane.allCases.allSatisfy { s.lastPoll(of: $0) == Fixtures.at(2) })
        #expect(s.lastPollDuration == 1.4)
        let after = Fixtures.picture(Fixtures.screen(s, theme: .dark))
        #expect(after.components(separatedBy: "\n")[0].contains("┌ 2 Sessions 2 ─"))
        #expect(after.contains("data just now"))
    }
}
