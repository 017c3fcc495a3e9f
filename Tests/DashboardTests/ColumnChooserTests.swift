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
