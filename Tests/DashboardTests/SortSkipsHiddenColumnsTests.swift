import Foundation
import Testing
@testable import Dashboard

/// `o` steps to the next column that is on screen: a column hidden with `:columns` is not
/// sorted by (sorting by what you cannot see confuses; the Toggles table already skipped them,
/// the Sessions and Errors tables did not).
@Suite struct SortSkipsHiddenColumnsTests {
    @Test func errorGroupsSkipAHiddenColumn() {
        var s = ErrorsSortTests.grouped()
        _ = s.columnChoice.toggle("Last", in: "error groups")
        _ = s.press(.char("o"))
        #expect(s.errors.groupSort == .toggle, "Last is hidden: \(String(describing: s.errors.groupSort))")
        _ = s.press(.char("o"), .char("o"))
        #expect(s.errors.groupSort == .count, "after Exception comes Count again, not Last")
    }

    @Test func errorRowsSkipAHiddenColumn() {
        var s = Fixtures.loaded(width: 80, height: 24)
        _ = s.press(.char("3"))
        _ = update(
            &s, .searchFinished(.success(ErrorSearchView(query: "x", total: 1, rows: Fixtures.errorRows, backendLabel: "RediSearch 1.x"))))
        _ = s.columnChoice.toggle("Toggle", in: "errors")
        _ = s.press(.char("o"))
        #expect(s.errors.rowSort == .fingerprint, "\(String(describing: s.errors.rowSort))")
    }

    @Test func sessionsSkipAHiddenColumn() {
        var s = Fixtures.loaded(width: 80, height: 24)
        _ = s.press(.char("2"))
        _ = s.columnChoice.toggle("Auth type", in: "sessions")
        _ = s.press(.char("o"))
        #expect(s.sessions.sort == .name, "\(String(describing: s.sessions.sort))")
        _ = s.press(.char("o"), .char("o"))
        #expect(s.sessions.sort == .key)
    }
}
