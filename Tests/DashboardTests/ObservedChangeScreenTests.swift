import Foundation
import Testing
@testable import Dashboard

/// Issue 24: a change opsdeck saw but did not make reads as such in the table, the detail's
/// trail and its timeline; one only a read-only dashboard knows is labelled as not recorded.
@Suite struct ObservedChangeScreenTests {
    private func state(_ change: AuditSummary, history: [AuditSummary]) -> AppState {
        var s = DetailScreenTests.withToggleDetail(width: 80, height: 30)
        guard case .loaded(var detail) = s.toggles.detail else { return s }
        detail.history = history
        s.toggles.detail = .loaded(detail)
        // The error counts have been read (issue 23: before that the timeline says it is catching up).
        s.toggles.setRates([:])
        s.toggles.replace(
            s.toggles.rows + [ToggleRow(name: detail.name, rawValue: "True", status: .on, lastChange: change)],
            at: s.now)
        return s
    }

    @Test func aRecordedObservationShowsWhoSawItInTheTrailAndTheTimeline() {
        let seen = AuditSummary(actor: "outside opsdeck", time: Fixtures.at(-30), old: "False", new: "True", seenBy: "sam@ops")
        let text = Fixtures.picture(Fixtures.screen(state(seen, history: [seen])))
        #expect(text.contains("(30s ago)  outside opsdeck, seen by sam@"), "\(text)")
        #expect(text.contains("no errors since someone outside opsdeck set it to"), "\(text)")
        #expect(
            TogglesPane.lastChangeText(
                ToggleRow(name: "x", rawValue: "True", status: .on, lastChange: seen),
                now: Fixtures.t0) == "outside 30s ago")
    }

    @Test func anUnrecordedObservationJoinsTheDetailOfAReadOnlyDashboard() {
        let seen = AuditSummary(
            actor: "outside opsdeck", time: Fixtures.at(-30), old: "False", new: "True",
            seenBy: "this dashboard", notRecorded: true)
        let text = Fixtures.picture(Fixtures.screen(state(seen, history: [])))
        #expect(text.contains("(30s ago)  outside opsdeck, seen here, not rec"), "\(text)")
        #expect(!text.contains("no flips recorded by opsdeck"), "\(text)")
    }
}
