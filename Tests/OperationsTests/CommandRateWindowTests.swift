import Foundation
import Operations
import Testing

/// Issue 23, bug 6: the status bar's rate is a trailing average over 30 s, never one poll's burst.
@Suite struct CommandRateWindowTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func aBurstIsAveragedOverTheWindowNotShownAsOnePoll() {
        var window = CommandRateWindow()
        #expect(window.rate(sent: 0, at: start) == nil)
        // One poll sends 10,000 commands, then 2 a second.
        #expect(window.rate(sent: 10_000, at: start.addingTimeInterval(1)) == nil, "under 5 s: no figure yet")
        var sent = 10_000
        var last: Double?
        for second in 2...60 {
            sent += 2
            last = window.rate(sent: sent, at: start.addingTimeInterval(Double(second)))
            if second == 5 { #expect(last == Double(10_000 + 8) / 5, "the burst counted once, over 5 s") }
            if second == 30 { #expect(last == Double(10_000 + 58) / 30) }
        }
        #expect(last == 2, "once the burst left the trailing 30 s, the steady 2 cmd/s")
    }

    @Test func unevenPollsAndACounterThatWentBack() {
        var window = CommandRateWindow(window: 10, minimumSpan: 2)
        _ = window.rate(sent: 100, at: start)
        _ = window.rate(sent: 130, at: start.addingTimeInterval(0.01)) // a poll right after one
        #expect(window.rate(sent: 160, at: start.addingTimeInterval(3)) == 20)
        #expect(window.rate(sent: 5, at: start.addingTimeInterval(4)) == nil, "a new connection's counter: start again")
    }
}
