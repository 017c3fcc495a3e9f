import Foundation
import Testing
@testable import TerminalCurses

/// The OSC 52 bytes the terminal layer writes for a copy, read back through a pipe.
@Suite struct ClipboardTests {
    @Test func writesExactlyTheOSC52Sequence() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let text = "session:abc\u{1B}é"
        #expect(Clipboard.write(text, to: fds[1]))
        close(fds[1])
        let read = FileHandle(fileDescriptor: fds[0], closeOnDealloc: false).readDataToEndOfFile()
        let expected = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        #expect(Array(read) == Array(expected.utf8))
        #expect(expected == "\u{1B}]52;c;c2Vzc2lvbjphYmMbw6k=\u{07}")
    }

    @Test func aClosedDescriptorIsReportedNotIgnored() {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        signal(SIGPIPE, SIG_IGN)
        #expect(!Clipboard.write("x", to: fds[1]))
        close(fds[1])
    }
}
