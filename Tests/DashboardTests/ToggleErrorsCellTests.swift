import Foundation
import Testing
@testable import Dashboard

/// The Toggles pane's Errors cell (`1,589 ▁▂█`): a storm's four- and five-digit counts keep their
/// sparkline's newest bar inside the column instead of being cut to `…` (seen in the storm
/// trial of issue 23: `1,589     …` at 200x56 and 80x24).
@Suite struct ToggleErrorsCellTests {
    static let series = [0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 40]

    @Test(arguments: [7, 360, 1_589, 12_000, 999_999])
    func theCellFitsItsColumnWithTheNewestBarShown(count: Int) {
        let cell = TogglesPane.errorsCell(ErrorRate(count: count, series: Self.series, times: []), theme: .dark)
        #expect(cell.width <= TogglesPane.errorsWidth, "\(cell.plainText) is wider than the column")
        let text = cell.plainText
        #expect(text.hasPrefix(String(repeating: " ", count: max(0, 4 - Formatting.count(count).count)) + Formatting.count(count) + " "))
        #expect(text.hasSuffix("█"), "the newest bucket (the storm) must stay visible: \(text)")
    }
}
