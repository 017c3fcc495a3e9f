import Foundation
import Testing
@testable import Dashboard

/// The `y` key: each pane's selected item becomes an `Effect.copy` with its text as the data
/// holds it, and the status line says what was copied through SafeText.
@Suite struct CopyTests {
    @Test func togglesCopyTheNameAndInTheDetailNameEqualsValue() {
        var s = Fixtures.loaded()
        #expect(s.press(.char("y")) == [.copy(text: "betaCheckout")])
        #expect(s.flash?.text == "copied betaCheckout (12 bytes)")
        s.toggles.detail = .loading(name: "legacyPayments")
        #expect(s.press(.char("y")) == [.copy(text: "legacyPayments=maybe")])
    }

    @Test func sessionsCopyTheKey() {
        var s = Fixtures.loaded()
        _ = s.press(.char("2"))
        #expect(s.press(.char("y")) == [.copy(text: "session:4156e021:1234")])
        #expect(s.flash?.text == "copied session:4156e021:1234 (21 bytes)")
    }

    @Test func errorsCopyTheIdAndInTheDetailTheWholeException() {
        var s = Fixtures.loaded()
        s.errors.grouped = false
        s.errors.result = ErrorSearchView(query: "", total: 1, rows: Fixtures.errorRows, backendLabel: "RediSearch 1.x")
        s.errors.table = TableState(selected: 0)
        _ = s.press(.char("3"))
        #expect(s.press(.char("y")) == [.copy(text: "useNewAlgorithm:03-12-19-10-32-05")])
        s.errors.detail = Fixtures.errorRows[0]
        #expect(s.press(.char("y")) == [.copy(text: Fixtures.errorRows[0].body)])
        #expect(s.flash?.text.hasPrefix("copied the exception of useNewAlgorithm:03-12-19-10-32-05 (") == true)
    }

    @Test func logsCopyTheLineAsWritten() {
        let line = LogLine(
            source: "api", severity: .error, message: "boom", timestamp: Fixtures.at(-1),
            raw: "2026-12-07 13:00:00 ERROR boom")
        var s = Fixtures.loaded(logs: [line])
        _ = s.press(.char("4"))
        #expect(s.press(.char("y")) == [.copy(text: "2026-12-07 13:00:00 ERROR boom")])
        #expect(s.flash?.text == "copied a api log line (30 bytes)")
    }

    @Test func textFromRedisIsCopiedAsItIsButShownSafely() {
        var rows = Fixtures.toggles
        rows[2].name = "beta\u{1B}[2Jx"
        var s = Fixtures.loaded()
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(toggles: rows), duration: 0.01, at: Fixtures.t0))
        let effects = s.press(.char("y"))
        #expect(effects == [.copy(text: "beta\u{1B}[2Jx")])
        #expect(s.flash?.text.contains("\u{1B}") == false)
    }

    @Test func copyOffSaysSoAndNothingSelectedCopiesNothing() {
        var s = Fixtures.loaded()
        s.copyEnabled = false
        #expect(s.press(.char("y")).isEmpty)
        #expect(s.flash?.isError == true)
        var empty = AppState(now: Fixtures.t0, width: 80, height: 24, server: Fixtures.server, timeZone: Fixtures.utc)
        #expect(empty.press(.char("y")).isEmpty)
        #expect(empty.flash?.text == "Nothing selected to copy")
    }

    @Test func yStillConfirmsInADialogAndIsTextInAField() {
        var s = Fixtures.loaded()
        _ = s.press(.char("/"))
        #expect(s.press(.char("y")).isEmpty)
        #expect(s.toggles.filter.text == "y")
    }
}
