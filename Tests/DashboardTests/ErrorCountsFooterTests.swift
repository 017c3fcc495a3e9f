import Foundation
import Testing
@testable import Dashboard

/// The Errors pane's per-toggle footer in a narrow pane: every toggle with errors in the window
/// has a place (issue 23: "never missing from the Errors pane's per-toggle line"); entries wrap
/// whole, and what three rows cannot hold is counted, never dropped in silence.
@Suite struct ErrorCountsFooterTests {
    /// The storm trial's figures: three loud toggles, the quieter culprit, one more.
    static let storm = [
        ToggleCount(toggle: "checkoutV2", count: 4_004), ToggleCount(toggle: "wishlistSharing", count: 3_999),
        ToggleCount(toggle: "addressAutocomplete", count: 3_997), ToggleCount(toggle: "paymentRetryV3", count: 360),
        ToggleCount(toggle: "fraudScoringV2", count: 14),
    ]

    static func text(_ counts: [ToggleCount], width: Int) -> [String] {
        ErrorCountsFooter.lines(counts, width: width, theme: .dark).map(\.plainText)
    }

    @Test func atEightyColumnsEveryToggleOfTheStormHasItsPlace() {
        let rows = Self.text(Self.storm, width: 78)
        #expect(
            rows == [
                "Per toggle: checkoutV2 4,004 · wishlistSharing 3,999",
                "addressAutocomplete 3,997 · paymentRetryV3 360 · fraudScoringV2 14",
            ], "\(rows)")
        #expect(rows.allSatisfy { TextWidth.of($0) <= 78 })
    }

    @Test func whatThreeRowsCannotHoldIsCounted() {
        let many = (0..<40).map { ToggleCount(toggle: "toggleNumber\($0)", count: 100 - $0) }
        let rows = Self.text(many, width: 60)
        #expect(rows.count == ErrorCountsFooter.maxRows)
        #expect(rows.allSatisfy { TextWidth.of($0) <= 60 }, "\(rows)")
        let shown = rows.joined(separator: " · ").components(separatedBy: " · ").filter {
            $0.hasPrefix("toggleNumber") || $0.hasPrefix("Per toggle: ")
        }
        let more = rows.last.flatMap { $0.components(separatedBy: "+").last }.flatMap { Int($0.components(separatedBy: " ")[0]) }
        #expect(more != nil && shown.count + (more ?? 0) == many.count, "\(rows)")
    }

    @Test func thePaneGivesTheFooterItsRows() {
        var s = Fixtures.loaded(width: 80, height: 24)
        var part = ErrorsPart()
        part.counts = Self.storm
        _ = update(&s, .pollSucceeded(DashboardSnapshot([part]), duration: 0.01, at: Fixtures.at(1)))
        _ = update(&s, .key(.char("3")))
        var buffer = ScreenBuffer(width: 80, height: 24)
        Dashboard.render(s, theme: .dark, into: &buffer)
        let screen = buffer.lines().joined(separator: "\n")
        for count in Self.storm {
            #expect(screen.contains("\(count.toggle) \(Formatting.count(count.count))"), "\(count.toggle) missing:\n\(screen)")
        }
    }
}
