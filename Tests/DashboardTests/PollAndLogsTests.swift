import Foundation
import Testing
@testable import Dashboard

/// Polls arriving and failing, staleness, and the log tail's follow/pause/loss behaviour.
@Suite struct PollAndLogsTests {
    @Test func failureKeepsDataMarksStaleAndRecovers() {
        var s = Fixtures.loaded()
        #expect(s.connection == .connected && !s.isStale)
        _ = update(&s, .pollFailed(error: "Connection refused", retryIn: 2, at: Fixtures.at(1)))
        #expect(s.connection == .reconnecting(error: "Connection refused", retryAt: Fixtures.at(3)))
        #expect(s.isStale)
        #expect(s.toggles.rows.count == 4 && s.sessions.rows.count == 2) // last good data stays
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(), duration: 0.02, at: Fixtures.at(4)))
        #expect(s.connection == .connected && !s.isStale)
        #expect(s.flash?.text == "Reconnected")
        #expect(s.lastPollDuration == 0.02)
    }

    @Test func slowServerTurnsStaleAfterThreeIntervalsWithoutAnError() {
        var s = Fixtures.loaded()
        _ = update(&s, .tick(Fixtures.at(3)))
        #expect(!s.isStale)
        _ = update(&s, .tick(Fixtures.at(3.5)))
        #expect(s.isStale)
    }

    @Test func nilFieldsKeepWhatWeHave() {
        var s = Fixtures.loaded()
        _ = update(&s, .pollSucceeded(DashboardSnapshot(), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.toggles.rows.count == 4 && s.errors.counts.count == 2 && s.server?.version == "7.0.15")
    }

    func lines(_ n: Int, from start: Int = 0) -> [LogLine] {
        (start..<(start + n)).map { Fixtures.log("api", .info, "line \($0)", Double($0)) }
    }

    @Test func pauseHoldsTheViewAndCountsNewLines() {
        var s = Fixtures.loaded(logs: lines(3))
        _ = s.press(.char("4"), .char("p"))
        #expect(s.logs.paused)
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(logs: lines(5, from: 3)), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.logs.newWhilePaused == 5 && s.logs.scrollBack == 5)
        #expect(s.logs.entries.count == 8)
        _ = s.press(.char("p"))
        #expect(!s.logs.paused && s.logs.newWhilePaused == 0 && s.logs.scrollBack == 0)
    }

    @Test func scrollingUpPausesAndGResumes() {
        var s = Fixtures.loaded(logs: lines(100))
        _ = s.press(.char("4"), .char("k"))
        #expect(s.logs.paused && s.logs.scrollBack == 1)
        _ = s.press(.char("G"))
        #expect(!s.logs.paused && s.logs.scrollBack == 0)
    }

    @Test func lostEntriesLeaveAMarker() {
        var s = Fixtures.loaded(logs: lines(2))
        _ = update(&s, .pollSucceeded(Fixtures.snapshot(logs: lines(1, from: 50), lost: 47), duration: 0.01, at: Fixtures.at(1)))
        #expect(s.logs.entries.suffix(2).first == .lost(count: 47, estimate: true))
    }

    @Test func ringBufferDropsTheOldest() {
        var s = AppState(now: Fixtures.t0, logCapacity: 10)
        _ = update(&s, .pollSucceeded(DashboardSnapshot(newLogLines: lines(25)), duration: 0.01, at: Fixtures.t0))
        #expect(s.logs.entries.count == 10)
        #expect(s.logs.entries.first == .line(lines(1, from: 15)[0]))
    }

    @Test func severityAndSourceFilters() {
        let mixed = [
            Fixtures.log("api", .debug, "cache miss", 0), Fixtures.log("checkout", .error, "payment timed out", 1),
            Fixtures.log("api", .warning, "slow payment provider", 2),
            LogLine(source: "odd", severity: .unknown, message: "no level", timestamp: nil),
        ]
        var s = Fixtures.loaded(logs: mixed)
        _ = s.press(.char("4"), .char("s"), .char("s"))
        #expect(s.logs.minLevel == .warning)
        // Unknown severity is never hidden by the severity filter.
        #expect(s.logs.filtered.count == 3)
        _ = s.press(.char("/"))
        _ = s.type("source:api payment")
        #expect(s.logs.filtered == [.line(mixed[2])])
        _ = s.press(.escape) // Esc in the field clears the text filter
        _ = s.press(.escape) // Esc outside clears the severity too
        #expect(s.logs.filtered.count == 4)
    }

    @Test func wrapShowsTheWholeNewestLineAndWIsAToggle() {
        let tail = "order 4711 retried 3 times; giving up END"
        let long = Fixtures.log("checkout", .error, "payment provider timed out after 30000 ms for " + tail, 1)
        var s = Fixtures.loaded(width: 80, height: 24, logs: [Fixtures.log("api", .info, "started", 0), long])
        s.focus = .logs
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("END"), "the line is cut without wrap")
        _ = s.press(.char("w"))
        let wrapped = Fixtures.picture(Fixtures.screen(s))
        #expect(wrapped.contains("END") && wrapped.contains("4 Logs · wrapped"), "\(wrapped)")
        #expect(wrapped.contains("started"), "the older short line is still above")
        _ = s.press(.char("w"))
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("END"))
    }
}
