import Foundation
import Testing
@testable import Dashboard

/// The Toggles table's columns when they do not all fit: the least urgent give way first, so
/// what an incident asks for (state, errors, who changed it and when) keeps its width.
@Suite struct TogglesColumnsTests {
    static func state(override: String) -> AppState {
        var s = Fixtures.loaded()
        var rows = Fixtures.toggles
        rows[0].override = override
        s.toggles.replace(rows, at: Fixtures.at(1))
        s.toggles.setRates(["useNewAlgorithm": ErrorRate(count: 3, series: [1, 2], times: [])])
        return s
    }

    /// The fixture's toggles changed by `change`, loaded; and those rows.
    static func loaded(_ change: (inout ToggleRow) -> Void) -> (AppState, [ToggleRow]) {
        var s = Fixtures.loaded()
        let rows = Fixtures.toggles.map { r -> ToggleRow in
            var r = r
            change(&r)
            return r
        }
        s.toggles.replace(rows, at: Fixtures.at(1))
        return (s, rows)
    }

    static func widths(_ columns: [(TogglesPane.Column, TableColumn)]) -> [TogglesPane.Column: Int] {
        Dictionary(
            uniqueKeysWithValues: columns.map { column in
                switch column.1.width {
                case .fixed(let n), .min(let n): return (column.0, n)
                case .flex: return (column.0, 0)
                }
            })
    }

    @Test func everyColumnAtItsContentWhenThereIsRoom() {
        let columns = TogglesPane.columns(Self.state(override: "fb-user,email-user"), width: 200)
        #expect(columns.map(\.0) == TogglesPane.Column.allCases)
        #expect(Self.widths(columns)[.fingerprint] == "John S,Stephanie B".count)
    }

    @Test func fingerprintShrinksFirst() {
        let columns = TogglesPane.columns(Self.state(override: "fb-user,email-user"), width: 88)
        let widths = Self.widths(columns)
        #expect(columns.map(\.0) == TogglesPane.Column.allCases)
        #expect(widths[.fingerprint]! < "John S,Stephanie B".count)
        #expect(widths[.override] == "fb-user,email-user".count, "Override keeps its width while Fingerprint can give")
        #expect(widths[.lastChange] == "alice 2m ago".count)
    }

    @Test func thenFingerprintGoesAndOverrideShrinksButLastChangeStays() {
        let columns = TogglesPane.columns(Self.state(override: "fb-user,email-user,sso-corp"), width: 77)
        let widths = Self.widths(columns)
        #expect(!columns.contains { $0.0 == .fingerprint })
        #expect(widths[.override]! >= 8 && widths[.override]! < "fb-user,email-user,sso-corp".count)
        #expect(widths[.state] == 6 && widths[.errors] == TogglesPane.errorsWidth)
        #expect(widths[.lastChange] == "alice 2m ago".count, "who changed it and when is never cut first")
        let total = widths.values.reduce(0, +) + columns.count - 1
        #expect(total <= 77, "the columns fit: \(total)")
    }

    /// Issue 25, bug 3: at 120 columns `useNewAlgorithm` was cut beside an empty Errors and an
    /// empty Last change column. Columns with nothing to show give way before the name is cut.
    @Test func emptyColumnsGiveWayBeforeTheNameIsCut() {
        let long = String(repeating: "x", count: 22)
        var (s, rows) = Self.loaded {
            $0.name += "ForTheCheckoutFlow"
            $0.fingerprint = long
            $0.override = long
            $0.lastChange = nil
        }
        s.toggles.setRates([:])
        let columns = TogglesPane.columns(s, width: 80)
        let widths = Self.widths(columns)
        #expect(!columns.contains { $0.0 == .errors }, "no errors in view: the column gives way")
        let longest = rows.map(\.name.count).max()!
        #expect(widths[.name]! >= min(24, longest), "the name keeps its width: \(widths)")
        let total = widths.values.reduce(0, +) + columns.count - 1
        #expect(total <= 80)
    }

    @Test func nameIsTheLastToGive() {
        var (s, _) = Self.loaded {
            $0.override = String(repeating: "o", count: 22)
            $0.releaseNum = "release-2026-12"
        }
        s.toggles.setRates(["useNewAlgorithm": ErrorRate(count: 3, series: [1, 2], times: [])])
        let columns = TogglesPane.columns(s, width: 70)
        let widths = Self.widths(columns)
        #expect(widths[.name]! >= "useNewAlgorithm".count, "override and release shrink first: \(widths)")
    }
}

extension TogglesColumnsTests {
    /// A pane of the 120-column grid (58 wide): Override goes before a name is cut.
    @Test func overrideGoesBeforeTheNameIsCut() {
        var (s, _) = Self.loaded {
            $0.name += "Flow"
            $0.override = "google-user,email-user"
        }
        s.toggles.setRates(["useNewAlgorithmFlow": ErrorRate(count: 3, series: [1, 2], times: [])])
        let columns = TogglesPane.columns(s, width: 58)
        let widths = Self.widths(columns)
        #expect(!columns.contains { $0.0 == .override })
        #expect(widths[.name]! >= "useNewAlgorithmFlow".count, "\(widths)")
        #expect(widths.values.reduce(0, +) + columns.count - 1 <= 58)
    }
}

/// Issue 25, bug 6: `o` sorts by the next visible column, `O` reverses; the header says which.
@Suite struct ToggleSortKeysTests {
    @Test func oCyclesVisibleColumnsAndOReverses() {
        var s = Fixtures.loaded(width: 200, height: 56)
        let header = { (s: AppState) in Fixtures.picture(Fixtures.screen(s)).split(separator: "\n")[1] }
        #expect(header(s).contains("Name▲"))
        _ = s.press(.char("O"))
        #expect(s.toggles.descending)
        #expect(s.toggles.visible.map { s.toggles.rows[$0].name } == ["useNewAlgorithm", "legacyPayments", "darkMode", "betaCheckout"])
        #expect(header(s).contains("Name▼"), "\(header(s))")
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("by name, reversed"))
        var seen: [ToggleSort] = [s.toggles.sort]
        for _ in 0..<ToggleSort.allCases.count {
            _ = s.press(.char("o"))
            seen.append(s.toggles.sort)
        }
        #expect(!s.toggles.descending, "o starts the next column ascending")
        #expect(Set(seen).isSuperset(of: [.name, .release, .state, .fingerprint, .override, .lastChange]))
    }
}
