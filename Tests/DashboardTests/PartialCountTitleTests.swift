import Foundation
import Testing
@testable import Dashboard

/// Counts and discoveries still under way are labelled in the panes' titles, never shown as a
/// plain number (issue 17).
@Suite struct PartialCountTitleTests {
    private func topRow(_ snapshot: DashboardSnapshot) -> String {
        var s = Fixtures.loaded(width: 160, height: 48)
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        return Fixtures.picture(Fixtures.screen(s, theme: .dark)).components(separatedBy: "\n")[0]
    }

    @Test func aSessionCountUnderWayIsLabelledWithTheDatabaseAsUpperBound() {
        var snapshot = Fixtures.snapshot()
        snapshot.sessionsCount = .counting(atLeast: 120_000, ofAtMost: 1_100_000)
        #expect(
            topRow(snapshot) == """
                ┌ 1 Toggles 4 ─────────────────────────────────────────────────────────────────┐┌ 2 Sessions 2 of ≥ 120,000 (≤ 1,100,000 keys) · counting… ────────────────────┐
                """)
    }

    @Test func aListingThatStoppedAtItsLimitSaysThereMayBeMore() {
        var snapshot = Fixtures.snapshot()
        snapshot.sessionsCount = .atLeast(500)
        #expect(topRow(snapshot).contains("┌ 2 Sessions 2 of 500+ ─"))
    }

    @Test func aCompleteCountReplacesThePartialOneEvenWhenTheRowsStay() {
        var snapshot = Fixtures.snapshot()
        snapshot.sessionsCount = .counting(atLeast: 2)
        var s = Fixtures.loaded(width: 160, height: 48)
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        #expect(s.sessions.count == .counting(atLeast: 2))
        let done = DashboardSnapshot(sessionsCount: .exact(1_000_000))
        _ = update(&s, .pollSucceeded(done, duration: 0.01, at: Fixtures.at(2)))
        #expect(Fixtures.picture(Fixtures.screen(s, theme: .dark)).contains("┌ 2 Sessions 2 of 1,000,000 ─"))
    }

    @Test func aDiscoveryUnderWaySaysHowFarItGot() {
        var snapshot = Fixtures.snapshot()
        snapshot.togglesDiscovery = DiscoveryProgress(scanned: 200_000, estimate: 1_100_000)
        var s = Fixtures.loaded(width: 160, height: 48)
        _ = update(&s, .pollSucceeded(snapshot, duration: 0.01, at: Fixtures.at(1)))
        let top = { Fixtures.picture(Fixtures.screen(s, theme: .dark)).components(separatedBy: "\n")[0] }
        #expect(
            top() == """
                ┌ 1 Toggles 4 · discovering… 200,000 keys of ~1,100,000 ───────────────────────┐┌ 2 Sessions 2 ────────────────────────────────────────────────────────────────┐
                """)
        var done = DashboardSnapshot()
        done.togglesDiscovery = DiscoveryProgress(scanned: 1_000_000, estimate: nil, isComplete: true)
        _ = update(&s, .pollSucceeded(done, duration: 0.01, at: Fixtures.at(2)))
        #expect(top().hasPrefix("┌ 1 Toggles 4 ───"), "the label goes once the walk is complete")
    }
}
