import Foundation
import Testing
@testable import Dashboard

/// Issue 25, columns: `:columns` lists the focused table's columns, `:columns NAME` hides one or
/// shows it again (asking for the choice to be remembered), per table; the row's identity stays.
@Suite struct ColumnChooserTests {
    private func run(_ s: inout AppState, _ line: String) -> [Effect] {
        _ = s.press(.char(":"))
        _ = s.type(line)
        return s.press(.enter)
    }

    private func header(_ s: AppState, containing word: String) -> String {
        Fixtures.screen(s).lines().first { $0.contains(word) } ?? ""
    }

    @Test func hidingAColumnGivesItsRoomToTheOthersAndIsSaved() {
        var s = Fixtures.loaded(width: 80, height: 24)
        #expect(header(s, containing: "Name▲").contains("Fingerprint"))
        let effects = run(&s, "columns fingerprint")
        #expect(effects == [.saveColumns(ColumnChoice(hidden: ["toggles": ["fingerprint"]]))])
        #expect(s.flash?.text == "Fingerprint hidden (:columns fingerprint shows it)")
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("│  Name▲                                   State  Release Override Last change │"), "\(picture)")
        #expect(!picture.contains("John S,"))
        // Listing shows it in brackets; the same command shows it again.
        _ = run(&s, "columns")
        #expect(
            s.flash?.text.contains("Name · State · Release · [Fingerprint] · Override · Last change") ?? false, "\(s.flash?.text ?? "")")
        #expect(run(&s, "columns Fingerprint") == [.saveColumns(ColumnChoice())])
        #expect(header(s, containing: "Name▲").contains("Fingerprint"))
    }

    @Test func theIdentityStaysAndAnUnknownNameIsSaidWithTheClosest() {
        var s = Fixtures.loaded(width: 80, height: 24)
        #expect(run(&s, "columns name").isEmpty)
        #expect(s.flash?.text == "Name is what each row is; it stays")
        #expect(run(&s, "columns fingrprint").isEmpty)
        #expect(s.flash?.text.contains("No column fingrprint here") ?? false)
        #expect(s.flash?.text.contains("Fingerprint") ?? false, "did you mean")
        #expect(s.columnChoice == ColumnChoice())
    }

    @Test func eachTableHasItsOwnChoice() {
        var s = ErrorsSortTests.grouped()
        _ = run(&s, "columns trend")
        #expect(!header(s, containing: "Count").contains("Trend"))
        _ = s.press(.char("v")) // every error: another table, Trend is not its column
        _ = update(&s, .searchFinished(.success(ErrorsFlowTests.result)))
        _ = run(&s, "columns fingerprint")
        #expect(!header(s, containing: "When").contains("Fingerprint"))
        _ = s.press(.char("2"))
        _ = run(&s, "columns last-change")
        #expect(s.flash?.text.contains("No column last-change") ?? false, "Sessions has no Last change")
        _ = run(&s, "columns auth type")
        #expect(!header(s, containing: "Key").contains("Auth type"))
        #expect(header(s, containing: "Key").contains("Name"))
        #expect(s.columnChoice.hidden == ["error groups": ["trend"], "errors": ["fingerprint"], "sessions": ["authtype"]])
        // A choice made before (loaded from the state file) applies from the first frame.
        var fresh = Fixtures.loaded(width: 80, height: 24)
        fresh.columnChoice = ColumnChoice(hidden: ["toggles": ["release", "override"]])
        let line = header(fresh, containing: "Name▲")
        #expect(!line.contains("Release") && !line.contains("Override") && line.contains("Last change"))
    }

    @Test func tabCompletesColumnNames() {
        var s = Fixtures.loaded(width: 80, height: 24)
        _ = s.press(.char(":"))
        _ = s.type("columns fin")
        _ = s.press(.tab)
        #expect(s.commandLine.input.text == "columns fingerprint")
    }
}

/// Issue 25: a column with nothing to show in view gives way before text is cut — in Errors a
/// Fingerprint column when no error has one, in Sessions an Auth type column when no session has one.
@Suite struct EmptyColumnsGiveWayTests {
    @Test func anErrorListWithoutFingerprintsGivesTheExceptionTheRoom() {
        var s = Fixtures.loaded(width: 80, height: 24)
        var row = Fixtures.errorRows[0]
        row.fingerprint = ""
        _ = s.press(.char("3"))
        _ = update(&s, .searchFinished(.success(ErrorSearchView(query: "x", total: 1, rows: [row], backendLabel: "RediSearch 1.x"))))
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("│When      Toggle          Exception"), "\(picture)")
        #expect(picture.contains("useNewAlgorithm ArrayIndexOutOfBoundsException: 5 · Algo.java:42"), "\(picture)")
        // With a fingerprint the column is back.
        _ = update(
            &s, .searchFinished(.success(ErrorSearchView(query: "x", total: 1, rows: Fixtures.errorRows, backendLabel: "RediSearch 1.x"))))
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("Fingerprint"))
    }

    @Test func sessionsWithoutAnAuthTypeGiveTheNameTheRoom() {
        var s = AppState(now: Fixtures.t0, width: 80, height: 24, timeZone: Fixtures.utc)
        let rows = [SessionRow(key: "session:1", fields: [FieldRow(name: "name", value: "Ana Lee")], ttl: 60)]
        _ = update(&s, .pollSucceeded(DashboardSnapshot(sessions: rows), duration: 0.01, at: Fixtures.t0))
        _ = s.press(.char("2"))
        let picture = Fixtures.picture(Fixtures.screen(s))
        #expect(picture.contains("│Key          Name"), "\(picture)")
        #expect(!picture.contains("Auth type"))
    }
}
