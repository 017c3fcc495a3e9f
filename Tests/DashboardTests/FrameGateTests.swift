import Foundation
import Testing
@testable import Dashboard

/// Issue 28: an idle dashboard draws nothing when nothing shown changed, and draws again as
/// soon as an age, a countdown or the status bar reads differently. Pure: the clock is the
/// state's, the "terminal" is the diff between two frames.
@Suite struct FrameGateTests {
    /// The frame the runtime would draw, its horizon, and the gate after drawing it.
    static func drawn(_ s: AppState) -> (ScreenBuffer, Double, FrameGate) {
        var gate = FrameGate()
        #expect(gate.needsFrame(s, theme: .monochrome), "the first frame is always drawn")
        var frame = ScreenBuffer(width: s.width, height: s.height)
        let horizon = ClockHorizon.measure { render(s, theme: .monochrome, into: &frame) }
        gate.drew(s, theme: .monochrome, validFor: horizon)
        return (frame, horizon, gate)
    }

    static func apply(_ message: Message, to s: inout AppState, gate: inout FrameGate) {
        gate.note(message, before: s)
        _ = update(&s, message)
    }

    @Test func anUnchangedStateProducesNoTerminalOutput() {
        var s = Fixtures.loaded(width: 240, height: 70)
        let (frame, horizon, drawnGate) = Self.drawn(s)
        var gate = drawnGate
        #expect(horizon == 1, "the Sessions pane counts a TTL down: \(horizon)")
        // Ticks and a poll that brought nothing, before any shown text moves: no frame, and had
        // one been drawn, the terminal would have been sent nothing.
        for step in [0.1, 0.3, 0.6, 0.9, 0.99] {
            Self.apply(.tick(Fixtures.at(horizon * step)), to: &s, gate: &gate)
            #expect(!gate.needsFrame(s, theme: .monochrome), "at \(step) of the horizon")
            #expect(Fixtures.screen(s).diff(from: frame).isEmpty, "at \(step): \(Fixtures.picture(Fixtures.screen(s)))")
        }
        Self.apply(.pollSucceeded(DashboardSnapshot(), duration: 0.001, at: Fixtures.at(horizon / 2)), to: &s, gate: &gate)
        #expect(!gate.needsFrame(s, theme: .monochrome), "a poll that read nothing changes nothing shown")
        #expect(Fixtures.screen(s).diff(from: frame).isEmpty)
        #expect(s.lastPollDuration == 0.012, "the last reading poll's duration stays")
        // At the horizon the first clock-dependent text may read differently: a frame.
        Self.apply(.tick(Fixtures.at(horizon)), to: &s, gate: &gate)
        #expect(gate.needsFrame(s, theme: .monochrome))
    }

    @Test func anAgeOnScreenDrawsWhenItsTextChanges() {
        // The Toggles pane's "alice 2m ago" alone (no sessions with a countdown): 120 s old at
        // t0, so it reads "3m ago" 60 s later, and the frame is due then, not before.
        var s = AppState(now: Fixtures.t0, width: 240, height: 70, server: Fixtures.server, timeZone: Fixtures.utc)
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Fixtures.toggles), duration: 0.01, at: Fixtures.t0))
        let (frame, horizon, _) = Self.drawn(s)
        #expect(horizon == 60, "\(horizon)")
        s.now = Fixtures.at(59.9)
        #expect(!Fixtures.picture(Fixtures.screen(s)).contains("3m ago"))
        s.now = Fixtures.at(60)
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("alice 3m ago"))
        #expect(!Fixtures.screen(s).diff(from: frame).isEmpty)
    }

    @Test func theStatusBarsOwnTextIsComparedOnceASecond() {
        // The Toggles pane alone (no countdown on screen), drawn a fifth into a second.
        var s = AppState(now: Fixtures.t0, width: 240, height: 70, server: Fixtures.server, timeZone: Fixtures.utc)
        _ = update(&s, .pollSucceeded(DashboardSnapshot(toggles: Fixtures.toggles), duration: 0.01, at: Fixtures.at(0.2)))
        var (_, horizon, gate) = Self.drawn(s)
        #expect(horizon > 1, "\(horizon)")
        // The poll's figures changed: the bar reads differently though nothing else did. It
        // says so on the clock's next whole second, in the frame of whatever else moves then.
        Self.apply(
            .pollSucceeded(DashboardSnapshot(commandsPerSecond: 7), duration: 0.001, at: Fixtures.at(0.5)), to: &s, gate: &gate)
        #expect(gate.reason(s, theme: .monochrome) == nil)
        Self.apply(.tick(Fixtures.at(0.99)), to: &s, gate: &gate)
        #expect(gate.reason(s, theme: .monochrome) == nil)
        Self.apply(.tick(Fixtures.at(1)), to: &s, gate: &gate)
        #expect(gate.reason(s, theme: .monochrome) == .statusBar)
        #expect(Fixtures.picture(Fixtures.screen(s)).contains("7 cmd/s"))
    }

    @Test func anythingButTheClockAndAnEmptyPollDraws() {
        let s0 = Fixtures.loaded(width: 240, height: 70)
        for message: Message in [
            .key(.char("j")), .resized(width: 200, height: 60),
            .pollSucceeded(Fixtures.snapshot(), duration: 0.01, at: Fixtures.at(0.1)),
            .pollFailed(error: "Connection refused", retryIn: 1, at: Fixtures.at(0.1)),
        ] {
            var s = s0
            var (_, _, gate) = Self.drawn(s)
            Self.apply(message, to: &s, gate: &gate)
            #expect(gate.needsFrame(s, theme: .monochrome), "\(message)")
        }
    }

    @Test func aFrameAtLeastEveryLongestWait() {
        var s = Fixtures.loaded(width: 240, height: 70)
        var gate = FrameGate()
        gate.drew(s, theme: .monochrome, validFor: .infinity)
        Self.apply(.tick(Fixtures.at(0.5)), to: &s, gate: &gate)
        #expect(!gate.needsFrame(s, theme: .monochrome))
        Self.apply(.tick(Fixtures.at(FrameGate.longestWait)), to: &s, gate: &gate)
        #expect(gate.needsFrame(s, theme: .monochrome))
    }

    @Test func agesNoteWhenTheirTextChanges() {
        #expect(ClockHorizon.untilAgeChanges(0.25) == 0.75)
        #expect(ClockHorizon.untilAgeChanges(59.5) == 0.5)
        #expect(ClockHorizon.untilAgeChanges(90) == 30)
        #expect(ClockHorizon.untilAgeChanges(7_200) == 3_600)
        let horizon = ClockHorizon.measure {
            _ = Formatting.age(130)
            _ = Formatting.window(900)
        }
        #expect(horizon == 50, "a window is not an age that grows")
        #expect(ClockHorizon.measure {} == .infinity)
    }
}
