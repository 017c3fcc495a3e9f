import Foundation
import Testing
@testable import Dashboard

/// Issue 28, benchmark 6a: an idle dashboard draws at most a frame a second, as a terminal
/// clock would, and never a frame that writes nothing. Pure: a demo-like state (sessions
/// counting their TTLs down, a status bar with a rate), the runtime's 4 Hz tick and a poll a
/// second that brings only its figures, played through `FrameGate` as `DashboardRuntime` does.
@Suite struct IdleFramesTests {
    /// What `seconds` of idling drew: frames by reason, and those that changed no cell.
    struct Outcome {
        var frames: [FrameGate.Reason: Int] = [:]
        var empty = 0
        var total: Int { frames.values.reduce(0, +) }
        var last: ScreenBuffer
    }

    /// Plays `seconds` of an idle dashboard from `start`: ticks every 0.25 s, and a poll a
    /// second (at `pollPhase` past the second) whose 30 s average moves a little each time.
    /// `activity`: each poll also brings a new log line (the demo's simulated service).
    static func idle(
        _ start: AppState, seconds: Int, pollPhase: Double = 0.61, rates: [Double] = [3.4, 3.6, 3.5, 3.45], activity: Bool = false
    ) -> Outcome {
        var s = start
        var gate = FrameGate()
        var frame = ScreenBuffer(width: s.width, height: s.height)
        var horizon = ClockHorizon.measure { render(s, theme: .monochrome, into: &frame) }
        gate.drew(s, theme: .monochrome, validFor: horizon)
        var outcome = Outcome(last: frame)
        var events: [(Double, Message)] = []
        for quarter in 1...(seconds * 4) {
            events.append((Double(quarter) * 0.25 + 0.07, .tick(Fixtures.at(Double(quarter) * 0.25 + 0.07))))
        }
        for second in 0..<seconds {
            let at = Double(second) + pollPhase
            events.append(
                (
                    at,
                    .pollSucceeded(
                        activity
                            ? DashboardSnapshot(
                                newLogLines: [Fixtures.log("checkout", .info, "order \(second) placed", at)],
                                commandsPerSecond: rates[second % rates.count])
                            : DashboardSnapshot(commandsPerSecond: rates[second % rates.count]),
                        duration: 0.002, at: Fixtures.at(at))
                ))
        }
        for (at, message) in events.sorted(by: { $0.0 < $1.0 }) {
            s.now = max(s.now, Fixtures.at(at))
            gate.note(message, before: s)
            _ = update(&s, message)
            guard let reason = gate.reason(s, theme: .monochrome) else { continue }
            var next = ScreenBuffer(width: s.width, height: s.height)
            horizon = ClockHorizon.measure { render(s, theme: .monochrome, into: &next) }
            gate.drew(s, theme: .monochrome, validFor: horizon)
            outcome.frames[reason, default: 0] += 1
            if next.diff(from: frame).isEmpty { outcome.empty += 1 }
            frame = next
        }
        outcome.last = frame
        return outcome
    }

    @Test func aMinuteOfAnIdleDemoDrawsAtMostAFrameASecond() {
        let start = Fixtures.loaded(width: 240, height: 70)
        let outcome = Self.idle(start, seconds: 60)
        #expect(outcome.total <= 60, "frames by reason: \(outcome.frames)")
        #expect(outcome.empty == 0, "\(outcome.empty) frames drew nothing new; by reason: \(outcome.frames)")
        // The TTL read at t0 (3,600 s) counted down the whole minute, though no poll re-read it.
        let picture = Fixtures.picture(outcome.last)
        #expect(picture.contains("59m00s") || picture.contains("58m59s"), "\(picture)")
    }

    /// With live activity a poll a second brings a log line at its phase, and the countdowns
    /// move at the whole second: one frame a second carries both, not two (benchmark 6a, with
    /// live activity: 2.4 frames a second measured before).
    @Test func liveActivityAndCountdownsShareOneFrameASecond() {
        let start = Fixtures.loaded(width: 240, height: 70)
        let outcome = Self.idle(start, seconds: 60, activity: true)
        #expect(outcome.total <= 62, "frames by reason: \(outcome.frames)")
        #expect(outcome.empty == 0, "by reason: \(outcome.frames)")
        let picture = Fixtures.picture(outcome.last)
        #expect(picture.contains("order 59 placed"), "the last line is on screen")
        #expect(picture.contains("59m00s") || picture.contains("58m59s") || picture.contains("59m01s"), "\(picture)")
    }

    @Test func aRateThatMovesWithEveryPollChangesTheBarAtMostEveryTenSeconds() {
        var start = Fixtures.loaded(width: 240, height: 70)
        // No countdown on screen: the bar's own changes are all there is to draw.
        _ = update(&start, .pollSucceeded(DashboardSnapshot(sessions: [], sessionsCount: .exact(0)), duration: 0.01, at: Fixtures.t0))
        let outcome = Self.idle(start, seconds: 60)
        #expect(outcome.frames[.statusBar, default: 0] <= 6, "by reason: \(outcome.frames)")
        #expect(outcome.total <= 10, "by reason: \(outcome.frames)")
        #expect(outcome.empty == 0, "by reason: \(outcome.frames)")
    }

    @Test func aCountdownMovesOnTheClocksWholeSeconds() {
        let read = Fixtures.at(0.6)
        let horizon = ClockHorizon.measure { #expect(Formatting.ttl(65, readAt: read, now: Fixtures.at(0.9)) == "1m05s") }
        #expect(abs(horizon - 0.1) < 1e-6, "the next whole second: \(horizon)")
        #expect(Formatting.ttl(65, readAt: read, now: Fixtures.at(1.0)) == "1m04s")
        #expect(Formatting.ttl(65, readAt: read, now: Fixtures.at(65.5)) == "expired")
        #expect(Formatting.ttl(65, readAt: read, now: Fixtures.at(-3)) == "1m05s", "a clock that went back shows what was read")
        #expect(ClockHorizon.measure { _ = Formatting.ttl(5, readAt: read, now: Fixtures.at(9)) } == .infinity, "expired stays")
    }
}

extension IdleFramesTests {
    @Test func aHiddenServerPanesStatsDrawNoFrame() {
        var s = Fixtures.loaded(width: 240, height: 70)
        #expect(!s.visiblePanes.contains(.server))
        var gate = FrameGate()
        gate.drew(s, theme: .monochrome, validFor: 1)
        // The Server pane's feed reads INFO every 2 s: off screen, nothing of it is shown.
        let stats = DashboardSnapshot([ServerPart(nodes: [], slowLog: [], peers: [])])
        gate.note(.pollSucceeded(stats, duration: 0.002, at: Fixtures.at(0.5)), before: s)
        _ = update(&s, .pollSucceeded(stats, duration: 0.002, at: Fixtures.at(0.5)))
        #expect(gate.reason(s, theme: .monochrome) == nil)
        // On screen (its tab), the same part is drawn.
        _ = s.press(.char("5"))
        var shown = FrameGate()
        shown.drew(s, theme: .monochrome, validFor: 1)
        shown.note(.pollSucceeded(stats, duration: 0.002, at: Fixtures.at(0.6)), before: s)
        #expect(s.visiblePanes.contains(.server))
        #expect(shown.reason(s, theme: .monochrome) == .changed)
    }
}

extension IdleFramesTests {
    @Test func theServerLineReadAgainAndFoundTheSameDrawsNoFrame() throws {
        var s = Fixtures.loaded(width: 240, height: 70)
        var gate = FrameGate()
        gate.drew(s, theme: .monochrome, validFor: 1)
        // `ServerFeed` reads INFO every 10 s; the same answer changes nothing shown.
        let polled = try #require(s.server)
        let same = DashboardSnapshot(server: Fixtures.server)
        gate.note(.pollSucceeded(same, duration: 0.002, at: Fixtures.at(0.5)), before: s)
        _ = update(&s, .pollSucceeded(same, duration: 0.002, at: Fixtures.at(0.5)))
        #expect(s.server == polled)
        #expect(gate.reason(s, theme: .monochrome) == nil)
        var upgraded = Fixtures.server
        upgraded.version = "7.4.1"
        gate.note(.pollSucceeded(DashboardSnapshot(server: upgraded), duration: 0.002, at: Fixtures.at(0.6)), before: s)
        #expect(gate.reason(s, theme: .monochrome) == .changed)
    }

    @Test func theStatusBarDrawnAloneIsTheFrameARenderWouldDraw() {
        // The Toggles pane alone (nothing on screen counts down), a rate already shown.
        var s = AppState(now: Fixtures.t0, width: 240, height: 70, server: Fixtures.server, timeZone: Fixtures.utc)
        let first = DashboardSnapshot(toggles: Fixtures.toggles, commandsPerSecond: 3)
        _ = update(&s, .pollSucceeded(first, duration: 0.01, at: Fixtures.at(0.2)))
        var gate = FrameGate()
        var frame = ScreenBuffer(width: s.width, height: s.height)
        let horizon = ClockHorizon.measure { render(s, theme: .monochrome, into: &frame) }
        gate.drew(s, theme: .monochrome, validFor: horizon)
        // A rate whose whole number changed once its cadence passed.
        let rate = DashboardSnapshot(commandsPerSecond: 7)
        let at = Fixtures.at(AppState.rateShownFor + 0.5)
        gate.note(.pollSucceeded(rate, duration: 0.012, at: at), before: s)
        _ = update(&s, .pollSucceeded(rate, duration: 0.012, at: at))
        s.now = Fixtures.at(AppState.rateShownFor + 1)
        #expect(gate.reason(s, theme: .monochrome) == .statusBar)
        var alone = frame
        renderStatusBar(s, theme: .monochrome, into: &alone)
        #expect(Fixtures.picture(alone).contains("7 cmd/s"))
        #expect(Fixtures.picture(alone) == Fixtures.picture(Fixtures.screen(s)))
        #expect(alone == Fixtures.screen(s), "styles too")
        gate.drewStatusBar(s, theme: .monochrome)
        #expect(gate.reason(s, theme: .monochrome) == nil)
    }
}
