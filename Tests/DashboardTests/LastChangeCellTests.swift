import Foundation
import Testing

@testable import Dashboard

/// The Toggles table's Last change cell in a column narrower than its text: the actor is cut,
/// the age never is (seen at 120x40: `release-b… 4m…`, the one figure the column is read for
/// cut away).
@Suite struct LastChangeCellTests {
    private let row = ToggleRow(
        name: "fraudScoringV2", rawValue: "True", status: .on,
        lastChange: AuditSummary(actor: "release-bot", time: Fixtures.at(-240), old: "False", new: "True"))

    @Test func wideEnoughKeepsActorAndAge() {
        #expect(TogglesPane.lastChangeText(row, now: Fixtures.t0, width: 30) == "release-b… 4m ago")
        #expect(TogglesPane.lastChangeText(row, now: Fixtures.t0) == "release-b… 4m ago")
    }

    @Test func narrowCutsTheActorAndKeepsTheAge() {
        let text = TogglesPane.lastChangeText(row, now: Fixtures.t0, width: 13)
        #expect(text.hasSuffix(" 4m ago"), "\(text)")
        #expect(TextWidth.of(text) <= 13, "\(text)")
        #expect(text.hasPrefix("rel"), "\(text)")
    }

    @Test func tooNarrowForAnyActorShowsTheAgeAlone() {
        #expect(TogglesPane.lastChangeText(row, now: Fixtures.t0, width: 8) == "4m ago")
    }
}
