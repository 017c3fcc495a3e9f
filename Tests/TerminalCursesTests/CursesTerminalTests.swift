import Foundation
import Testing
import Dashboard
@testable import TerminalCurses

/// Curses itself is exercised in tmux, not here: these tests never start a terminal.
@Suite struct CursesTerminalTests {
    @Test func refusesWhenStdinIsNotATerminal() {
        #expect(throws: TerminalError.notATerminal(stream: "stdin")) {
            try CursesTerminal.checkUsable(environment: ["TERM": "xterm"], stdinIsTTY: false, stdoutIsTTY: true)
        }
        let message = TerminalError.notATerminal(stream: "stdin").description
        #expect(message.contains("stdin is not a TTY"))
        #expect(message.contains("opsdeck toggles|sessions|errors|logs"))
    }

    /// Only meaningful without a TTY (CI, `scripts/test` in a pipe): from a real terminal it
    /// skips, and says so, rather than failing.
    @Test(.enabled(if: isatty(STDIN_FILENO) == 0, "stdin is a terminal: run the tests without one (as CI does)"))
    func refusesWithTheRealStdinWhenItIsNotATerminal() throws {
        #expect(throws: TerminalError.self) { try CursesTerminal.checkUsable() }
    }

    @Test func refusesMissingOrUnknownTerm() {
        #expect(throws: TerminalError.termNotSet) {
            try CursesTerminal.checkUsable(environment: [:], stdinIsTTY: true, stdoutIsTTY: true)
        }
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal-xyz")) {
            try CursesTerminal.checkUsable(environment: ["TERM": "no-such-terminal-xyz"], stdinIsTTY: true, stdoutIsTTY: true)
        }
        #expect(throws: TerminalError.notATerminal(stream: "stdout")) {
            try CursesTerminal.checkUsable(environment: ["TERM": "xterm"], stdinIsTTY: true, stdoutIsTTY: false)
        }
    }

    @Test func decodesKeys() {
        #expect(KeyDecoder.decodeCharacter(27) == .escape)
        #expect(KeyDecoder.decodeCharacter(13) == .enter)
        #expect(KeyDecoder.decodeCharacter(9) == .tab)
        #expect(KeyDecoder.decodeCharacter(127) == .backspace)
        #expect(KeyDecoder.decodeCharacter(3) == .ctrl("c"))
        #expect(KeyDecoder.decodeCharacter(0x4E2D) == .char("中"))
        #expect(KeyDecoder.decodeCharacter(0x9B) == .unknown)
        #expect(KeyDecoder.decode(kind: 0, code: 0) == nil)
    }

    @Test func mapsRGBToNearestXtermIndex() {
        #expect(ColorPairs.xterm256(r: 255, g: 0, b: 0) == 196)
        #expect(ColorPairs.xterm256(r: 0x5f, g: 0xaf, b: 0xff) == 75)
        #expect(ColorPairs.xterm256(r: 128, g: 128, b: 128) == 244)
        #expect(ColorPairs.number(nil) == -1)
        #expect(ColorPairs.number(.brightRed) == 9)
    }
}
