import Foundation
import Testing
@testable import TestSupport

/// Tests of the end-to-end harness itself, against small real programs (sh, od, tput), so a
/// failing dashboard test can be trusted to be about the dashboard.
@Suite struct TerminalSessionTests {
    @Test func waitsForTextAndTypesLiteralTextAndEnter() throws {
        let session = try TerminalSession(command: ["sh", "-c", "printf 'name? '; read x; echo \"got:$x\"; sleep 30"])
        defer { session.close() }
        try session.waitFor("name?")
        try session.send(keys: "-n John Smith", "Enter")
        try session.waitFor("got:-n John Smith")
        #expect(session.isRunning)
        #expect(session.exitStatus == nil)
    }

    @Test func keyNamesBecomeKeysAndOtherTextStaysLiteral() throws {
        // Raw mode, so the program receives exactly the bytes of each key.
        let session = try TerminalSession(
            command: ["sh", "-c", "stty raw -echo; echo ready; head -c 7 | od -An -c; sleep 30"])
        defer { session.close() }
        try session.waitFor("ready")
        try session.send(keys: "x", "Escape", "Space", "BTab", "C-a")
        // x, ESC, space, ESC [ Z (back tab), ^A
        try session.waitFor("x 033     033   [   Z 001")
    }

    @Test func styledScreenCarriesColours() throws {
        let session = try TerminalSession(command: ["sh", "-c", "printf '\\033[31mred\\033[0m plain\\n'; sleep 30"])
        defer { session.close() }
        try session.waitFor("red plain")
        #expect(session.styledScreen().contains("\u{1B}[31mred"))
        #expect(!session.screen().contains("\u{1B}"))
    }

    @Test func failedWaitReportsTheLastScreen() throws {
        let session = try TerminalSession(command: ["sh", "-c", "echo marker-on-screen; sleep 30"])
        defer { session.close() }
        try session.waitFor("marker-on-screen")
        do {
            try session.waitFor("never shown", timeout: 0.3)
            Issue.record("the wait should have failed")
        } catch let failure as TerminalSession.Failure {
            #expect(failure.screen.contains("marker-on-screen"))
            #expect(failure.description.contains("never shown"))
            #expect(failure.description.contains("timed out"))
            #expect(failure.description.contains("|marker-on-screen"))
        }
    }

    @Test func waitStopsEarlyWhenTheProgramExits() throws {
        let session = try TerminalSession(command: ["sh", "-c", "echo crashed; exit 7"])
        defer { session.close() }
        do {
            // The exit, not the deadline, ends the wait: the failure says which.
            try session.waitFor("never shown")
            Issue.record("the wait should have failed")
        } catch let failure as TerminalSession.Failure {
            #expect(failure.description.contains("exited (status 7)"))
            #expect(failure.screen.contains("crashed"))
        }
    }

    @Test func observesExitStatus() throws {
        let session = try TerminalSession(command: ["sh", "-c", "read x; exit 3"])
        defer { session.close() }
        #expect(session.isRunning)
        #expect(session.exitStatus == nil)
        try session.send(keys: "Enter")
        #expect(eventually { !session.isRunning })
        #expect(session.exitStatus == 3)
    }

    @Test func controlCReachesTheProgramAndItsScreenStays() throws {
        let session = try TerminalSession(command: ["sh", "-c", "echo waiting; sleep 60"])
        defer { session.close() }
        try session.waitFor("waiting")
        try session.send(keys: "C-c")
        #expect(eventually { !session.isRunning })
        #expect(session.exitStatus == 130) // 128 + SIGINT, as a shell reports it
        #expect(session.screen().contains("waiting"))
    }

    @Test func resizeReachesTheProgram() throws {
        let session = try TerminalSession(
            command: ["sh", "-c", "while :; do echo \"cols=$(tput cols) lines=$(tput lines)\"; read x; done"],
            columns: 80, rows: 24)
        defer { session.close() }
        try session.waitFor("cols=80 lines=24")
        try session.resize(columns: 100, rows: 30)
        #expect(session.columns == 100 && session.rows == 30)
        try session.send(keys: "Enter")
        try session.waitFor("cols=100 lines=30")
    }

    @Test func environmentIsPassedAndLinesColumnsAreRemoved() throws {
        // LINES/COLUMNS must not reach the program (ncurses would trust them over the real
        // size). The harness strips them whatever the test process has; setting them here
        // with setenv would race with the tests running in parallel, so this checks the result.
        let session = try TerminalSession(
            command: ["sh", "-c", "echo \"[$GREETING|$TERM|$LANG|${LINES-unset}|${COLUMNS-unset}]\"; sleep 30"],
            environment: ["GREETING": "hello world", "TERM": "screen-256color"])
        defer { session.close() }
        try session.waitFor("[hello world|screen-256color|C.UTF-8|unset|unset]")
    }

    @Test func closeKillsOnlyItsOwnServer() throws {
        let first = try TerminalSession(command: ["sh", "-c", "echo first; sleep 30"])
        let second = try TerminalSession(command: ["sh", "-c", "echo second; read x; echo still-here; sleep 30"])
        defer { second.close() }
        try first.waitFor("first")
        try second.waitFor("second")
        let firstServer = try first.serverProcessID()
        let secondServer = try second.serverProcessID()
        #expect(firstServer != secondServer)

        first.close()
        first.close() // idempotent
        #expect(eventually { !isAlive(firstServer) })
        #expect(!first.isRunning)
        #expect(isAlive(secondServer))
        #expect(second.isRunning)
        try second.send(keys: "Enter")
        try second.waitFor("still-here")
    }

    @Test func recognisesTmuxKeyNames() {
        for key in ["Enter", "Escape", "Space", "BTab", "C-c", "M-x", "S-Up", "C-M-a", "F1", "F12", "PageDown"] {
            #expect(TerminalSession.isKeyName(key), "\(key)")
        }
        for key in ["j", "John", "Enter the name", "C", "C-", "F13", "F", "-n", "Ctrl"] {
            #expect(!TerminalSession.isKeyName(key), "\(key)")
        }
    }
}

/// Whether `pid` is a live process: an exited server stays a zombie until init reaps it, and
/// `kill(pid, 0)` still succeeds on a zombie.
private func isAlive(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let end = stat.range(of: ") ", options: .backwards)
    else { return true }
    return !stat[end.upperBound...].hasPrefix("Z")
}
