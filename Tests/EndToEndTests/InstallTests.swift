import Foundation
import Testing

/// Issue 15: `scripts/install` into a temporary prefix puts a binary that runs, completions for
/// bash, zsh and fish, and a man page there, all naming the subcommands. A debug build in a
/// build directory of its own (`.build-install`, kept between runs so only the first is slow):
/// the running `swift test` holds `.build`, and SwiftPM would wait for it forever.
@Suite struct InstallTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func installIntoATemporaryPrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-prefix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-install-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.repository.appendingPathComponent("scripts/install")
        process.arguments = ["--debug", "--scratch-path", Self.repository.appendingPathComponent(".build-install").path, prefix.path]
        process.currentDirectoryURL = Self.repository
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "scripts/install failed:\n\(output.suffix(3000))")

        let binary = prefix.appendingPathComponent("bin/opsdeck")
        let version = Process()
        version.executableURL = binary
        version.arguments = ["--version"]
        let pipe = Pipe()
        version.standardOutput = pipe
        try version.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        version.waitUntilExit()
        #expect(version.terminationStatus == 0 && printed.hasPrefix("opsdeck "), "the installed binary: \(printed)")

        let subcommands = ["toggles", "sessions", "errors", "logs", "contexts", "themes"]
        for file in [
            "share/bash-completion/completions/opsdeck", "share/zsh/site-functions/_opsdeck",
            "share/fish/vendor_completions.d/opsdeck.fish", "share/man/man1/opsdeck.1",
        ] {
            let text = (try? String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)) ?? ""
            #expect(!text.isEmpty, "\(file) is missing or empty")
            for subcommand in subcommands {
                #expect(text.contains(subcommand), "\(file) does not name \(subcommand)")
            }
        }
        let manual = (try? String(contentsOf: prefix.appendingPathComponent("share/man/man1/opsdeck.1"), encoding: .utf8)) ?? ""
        #expect(manual.contains(".Dt OPSDECK 1"), "not a section-1 man page: \(manual.prefix(300))")
    }
}
