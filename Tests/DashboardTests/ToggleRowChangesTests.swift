import Foundation
import Testing

@testable import Dashboard

/// Issue 28, figure 5b: a poll's part says which places of 10,000 rows changed (as the feed
/// makes it, `TogglesPart.send`), and the pane applies only those: flashes, the flip notice,
/// filter, sort and the selection as with a full comparison.
@Suite struct ToggleRowChangesTests {
    static let count = 10_000

    static func rows(flipped: Set<Int> = [], count: Int = ToggleRowChangesTests.count) -> [ToggleRow] {
        (0..<count).map { i in
            let on = (i % 2 == 0) != flipped.contains(i)
            return ToggleRow(
                name: String(format: "toggle%05d", i), rawValue: on ? "True" : "False", status: on ? .on : .off,
                releaseNum: "\(1 + i % 7).0", flipTarget: on ? "False" : "True")
        }
    }

    /// A dashboard after a first poll of `rows`, sent as the feed sends them.
    static func loaded(_ rows: [ToggleRow], sent: inout (rows: [ToggleRow], version: UInt64)?) -> AppState {
        var s = AppState(now: Fixtures.t0, width: 120, height: 40, server: Fixtures.server, timeZone: Fixtures.utc)
        poll(&s, rows, sent: &sent, at: Fixtures.t0)
        return s
    }

    @discardableResult
    static func poll(
        _ s: inout AppState, _ rows: [ToggleRow], sent: inout (rows: [ToggleRow], version: UInt64)?, at: Date
    ) -> TogglesPart {
        var part = TogglesPart()
        part.send(rows, after: &sent)
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: at))
        return part
    }

    @Test func aPollChangingThreeOfTenThousandChangesAndFlashesExactlyThose() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(), sent: &sent)
        let changed: Set<Int> = [17, 4_242, 9_998]
        let part = Self.poll(&s, Self.rows(flipped: changed), sent: &sent, at: Fixtures.at(1))
        #expect(part.changes?.places == changed.sorted(), "the part carries the three places")
        #expect(s.toggles.rows == Self.rows(flipped: changed))
        let flashing = s.toggles.rows.indices.filter { s.toggles.isFlashing(place: $0, now: Fixtures.at(1)) }
        #expect(flashing == changed.sorted())
        #expect(s.toggles.flashes.places(at: Fixtures.at(1)) == changed.sorted())
        #expect(s.flash?.text.contains("toggle00017 flipped elsewhere: now ON") == true)
        #expect(s.flash?.text.contains("toggle04242 flipped elsewhere: now OFF") == true)
        // The rows flash for five seconds, then are forgotten.
        _ = update(&s, .tick(Fixtures.at(6.5)))
        #expect(!s.toggles.isFlashing("toggle00017", now: s.now))
        #expect(s.toggles.flashes.isEmpty)
    }

    @Test func onlyThePlacesTheChangesNameAreApplied() {
        // The part is trusted: a row it does not name is not even compared. Proof that the
        // unchanged rows are not touched (a wrong part is the feed's bug, not the pane's).
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(), sent: &sent)
        var part = TogglesPart()
        part.send(Self.rows(flipped: [5]), after: &sent)
        part.rows = Self.rows(flipped: [5, 6])
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.toggles.rows[5].rawValue == "True")
        #expect(s.toggles.rows[6].rawValue == "True", "place 6 was not in the changes")
        #expect(s.toggles.flashes.places(at: Fixtures.at(1)) == [5])
    }

    @Test func changesAgainstOtherRowsAreComparedInFull() {
        // A part lost on the way: the next one's changes are against rows the pane never held.
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(), sent: &sent)
        var lost = TogglesPart()
        lost.send(Self.rows(flipped: [1]), after: &sent)
        let part = Self.poll(&s, Self.rows(flipped: [1, 2]), sent: &sent, at: Fixtures.at(1))
        #expect(part.changes?.places == [2])
        #expect(s.toggles.rows == Self.rows(flipped: [1, 2]))
        #expect(s.toggles.flashes.places(at: Fixtures.at(1)) == [1, 2])
    }

    @Test func aChangedSortKeyReordersAndTheSelectionStaysOnItsToggle() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(count: 50), sent: &sent)
        s.toggles.setSort(.state)
        let found = s.toggles.select(name: "toggle00003")
        #expect(found)
        let before = s.toggles.visible
        Self.poll(&s, Self.rows(flipped: [3], count: 50), sent: &sent, at: Fixtures.at(1))
        #expect(s.toggles.visible != before, "toggle00003 is on now: it sorts among the on rows")
        #expect(s.toggles.selectedRow?.name == "toggle00003")
        #expect(s.toggles.selectedRow?.status == .on)
        // A value change that moves no key keeps the order as it was.
        let order = s.toggles.visible
        var moved = Self.rows(flipped: [3], count: 50)
        moved[10].rawValue = "true"
        Self.poll(&s, moved, sent: &sent, at: Fixtures.at(2))
        #expect(s.toggles.visible == order)
        #expect(s.toggles.isFlashing("toggle00010", now: Fixtures.at(2)))
    }

    @Test func aChangedRowLeavesOrEntersTheFilter() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(count: 50), sent: &sent)
        s.toggles.filter = TextInput("false")
        s.toggles.refilter()
        #expect(s.toggles.visible.count == 25)
        Self.poll(&s, Self.rows(flipped: [1, 2], count: 50), sent: &sent, at: Fixtures.at(1))
        let shown = s.toggles.visible.map { s.toggles.rows[$0].name }
        #expect(!shown.contains("toggle00001"), "now True: filtered out")
        #expect(shown.contains("toggle00002"), "now False: shown")
        #expect(shown.count == 25)
    }

    @Test func ourOwnFlipIsNotFlashedOnThePatchPath() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(), sent: &sent)
        s.toggles.pendingOwnFlips["toggle00000"] = "False"
        let part = Self.poll(&s, Self.rows(flipped: [0, 1]), sent: &sent, at: Fixtures.at(1))
        #expect(part.changes != nil)
        #expect(!s.toggles.isFlashing("toggle00000", now: Fixtures.at(1)))
        #expect(s.toggles.isFlashing("toggle00001", now: Fixtures.at(1)))
        #expect(s.toggles.pendingOwnFlips.isEmpty)
    }

    @Test func flashesFollowTheirToggleWhenRowsMovePlaces() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var s = Self.loaded(Self.rows(count: 10), sent: &sent)
        Self.poll(&s, Self.rows(flipped: [4], count: 10), sent: &sent, at: Fixtures.at(1))
        #expect(s.toggles.isFlashing("toggle00004", now: Fixtures.at(1)))
        // toggle00002 is gone: every later toggle moves up one place.
        var fewer = Self.rows(flipped: [4], count: 10)
        fewer.remove(at: 2)
        let part = Self.poll(&s, fewer, sent: &sent, at: Fixtures.at(2))
        #expect(part.changes == nil, "places moved: no changes to apply, a full comparison")
        #expect(s.toggles.isFlashing("toggle00004", now: Fixtures.at(2)))
        #expect(!s.toggles.isFlashing("toggle00005", now: Fixtures.at(2)))
        #expect(s.toggles.rows.count == 9)
    }

    @Test func anUnchangedPollSendsNoRows() {
        var sent: (rows: [ToggleRow], version: UInt64)?
        var part = TogglesPart()
        part.send(Self.rows(count: 5), after: &sent)
        let version = sent?.version
        var again = TogglesPart()
        again.send(Self.rows(count: 5), after: &sent)
        #expect(again == TogglesPart())
        #expect(sent?.version == version)
    }

    @Test func flashesKeepPlacesSortedAndTheNewestTime() {
        var f = ToggleFlashes()
        f.note(9, at: Fixtures.at(1))
        f.note(2, at: Fixtures.at(1))
        f.note(9, at: Fixtures.at(1))
        #expect(f.places(at: Fixtures.at(1)) == [2, 9])
        f.note(2, at: Fixtures.at(3))
        #expect(f.changedAt(2) == Fixtures.at(3))
        #expect(f.changedAt(9) == Fixtures.at(1))
        #expect(f.changedAt(5) == nil)
        f.expire(now: Fixtures.at(6.5), after: 5)
        #expect(f.changedAt(9) == nil)
        #expect(f.changedAt(2) == Fixtures.at(3))
    }
}
