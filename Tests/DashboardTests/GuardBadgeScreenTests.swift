import Foundation
import Testing
@testable import Dashboard

/// A guarded toggle in the Toggles pane and its detail (docs/guarded-flips.md): the running
/// guard's time left and progress, a lost guard said as lost, and text from Redis kept safe.
@Suite struct GuardBadgeScreenTests {
    static func state(_ badge: GuardBadge, width: Int = 100) -> AppState {
        var rows = Fixtures.toggles
        rows[0].guardBadge = badge
        var s = AppState(now: Fixtures.t0, width: width, height: 24, server: Fixtures.server, timeZone: Fixtures.utc)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: rows), duration: 0.01, at: Fixtures.t0))
        return s
    }

    static let running = GuardBadge(
        state: .running, ends: Fixtures.at(11 * 60 + 30), progress: "3/20",
        rule: "errors > 20 in 5m", figures: "3 errors in 5m <= 20", actor: "ci-bot\u{1B}[2J")

    @Test func aRunningGuardShowsTimeLeftAndProgress() {
        #expect(Self.running.text(now: Fixtures.t0) == "guarded · 12m left · 3/20")
        let picture = Fixtures.picture(Fixtures.screen(Self.state(Self.running)))
        let row = picture.split(separator: "\n").first { $0.contains("useNewAlgorithm") } ?? ""
        #expect(row.contains("guarded · 12m left · 3/20"), "\(picture)")
    }

    @Test func aLostGuardIsSaidLostInTheRowAndTheDetail() {
        var s = Self.state(GuardBadge(state: .lost, ends: Fixtures.at(600)))
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.split(separator: "\n").first { $0.contains("useNewAlgorithm") }?.contains("guard lost") == true, "\(picture)")
        s.toggles.detail = .loaded(
            ToggleDetail(
                name: "useNewAlgorithm", key: "useNewAlgorithm", fields: [], rule: "ON for everyone", reached: 0, totalSessions: 0,
                history: [], outsideChange: nil, errorCount: 0, recentErrors: [], errorsNote: nil, fetchedAt: Fixtures.t0))
        let detail = Fixtures.picture(Fixtures.screen(s))
        #expect(detail.contains("Guard     guard lost: its record expired before the guard ended"), "\(detail)")
    }

    @Test func theDetailShowsRuleFiguresAndASafeActor() {
        var s = Self.state(Self.running, width: 160)
        s.toggles.detail = .loaded(
            ToggleDetail(
                name: "useNewAlgorithm", key: "useNewAlgorithm", fields: [], rule: "ON for everyone", reached: 0, totalSessions: 0,
                history: [], outsideChange: nil, errorCount: 0, recentErrors: [], errorsNote: nil, fetchedAt: Fixtures.t0))
        let detail = Fixtures.picture(Fixtures.screen(s))
        #expect(detail.contains("guarded · 12m left · 3/20 · errors > 20 in 5m · 3 errors in 5m <= 20 · by ci-bot␛[2J"), "\(detail)")
        #expect(!detail.contains("\u{1B}"))
    }
}
