import Foundation
import Testing
@testable import Dashboard

/// Issue 25, bug 2: the hint row is generated per pane and mode from the bindings, most
/// important first, fits the width without cutting a word, and names e, x and [/] where
/// there is room; the row markers have a legend in the help and the toggle detail.
@Suite struct HintRowTests {
    static func hintRow(_ s: AppState) -> String {
        Fixtures.picture(Fixtures.screen(s)).split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    @Test func incidentKeysShowAt120() {
        let s = Fixtures.loaded(width: 120, height: 40)
        let row = Self.hintRow(s)
        for needle in ["Space flip", "e its errors", "x export", "[/] window", ": command", "? help"] {
            #expect(row.contains(needle), "\(needle) missing from \(row)")
        }
    }

    @Test(arguments: [40, 60, 80, 100, 120, 200])
    func theRowFitsWithoutCuttingAWord(width: Int) {
        var s = Fixtures.loaded(width: width, height: 24)
        for pane in Pane.allCases {
            s.focus = pane
            let text = KeyHints.text(s)
            #expect(TextWidth.of(text) <= width - 1, "\(pane) at \(width): \(text)")
            #expect(!text.contains("…"))
            #expect(text.contains("? help"), "help is always offered: \(text)")
        }
    }

    @Test func theMostImportantComeFirst() {
        let row = KeyHints.fit(pane: ["Space flip", "Enter details"], common: ["? help", ": command", "q quit"], width: 35)
        #expect(row == "Space flip · Enter details · ? help")
    }

    @Test func helpAndDetailExplainTheRowMarkers() {
        let help = HelpOverlay().rows()
        #expect(help.contains(.heading("Row markers")))
        for mark in ["*", "!", "?"] {
            #expect(help.contains { if case .entry(mark, _) = $0 { true } else { false } }, "\(mark) explained")
        }
        let s = DetailScreenTests.withToggleDetail(width: 120, height: 60)
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("Row markers: * changed by others now"))
    }

    /// Bug 5: a long audit reason is read whole in the toggle detail at 120 columns (wrapped).
    @Test func longAuditReasonIsWrappedNotCut() {
        var s = Fixtures.loaded(width: 120, height: 60)
        var detail = DetailScreenTests.toggleDetail()
        let reason =
            "INC-42 canary: rolled back after checkout latency rose on eu-west; "
            + "waiting for the payments team to confirm the fix before turning it on again tomorrow"
        detail.history = [AuditSummary(actor: "priya@laptop", time: Fixtures.at(-120), old: "False", new: "True", reason: reason)]
        s.toggles.detail = .loaded(detail)
        let picture = Fixtures.picture(Fixtures.screen(s))
        let flat = picture.split(separator: "\n").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")) }.joined(separator: " ")
        #expect(flat.contains("confirm the fix before turning it on again tomorrow”"), "\(picture)")
    }
}
