import Foundation
import Operations
import Testing

/// The dashboard's remembered choices live under the XDG state directory: `$XDG_STATE_HOME`
/// first, else `~/.local/state`; a damaged file is a lost preference, not a failure.
@Suite struct StateFileTests {
    struct Choice: Codable, Equatable { var hidden: [String: Set<String>] }

    @Test func roundTripsUnderXDGStateHomeAndFallsBackToHome() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-state-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = StateFile("columns.json", environment: ["XDG_STATE_HOME": root.path, "HOME": "/nonexistent"])
        #expect(file.path == root.path + "/opsdeck/columns.json")
        #expect(file.load(Choice.self) == nil, "nothing stored yet")
        let choice = Choice(hidden: ["toggles": ["fingerprint"]])
        try file.save(choice)
        #expect(file.load(Choice.self) == choice)
        let mode = try FileManager.default.attributesOfItem(atPath: root.path + "/opsdeck")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        // Owner-only, as the remembered input is (one writer for both, `StateFile.write`).
        let fileMode = try FileManager.default.attributesOfItem(atPath: file.path!)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        try Data("{not json".utf8).write(to: URL(fileURLWithPath: file.path!))
        #expect(file.load(Choice.self) == nil, "a damaged file reads as nothing")
        #expect(StateFile("c.json", environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/opsdeck/c.json")
        #expect(
            StateFile("c.json", environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.local/state/opsdeck/c.json")
        #expect(StateFile("c.json", environment: [:]).path == nil)
    }

    @Test func aFailedWriteSaysWhatFailed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-state-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        // Where the state folder should be, a file.
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("opsdeck"))
        let file = StateFile("columns.json", environment: ["XDG_STATE_HOME": root.path])
        #expect(throws: StateFile.Failure.self) { try file.save(Choice(hidden: [:])) }
        do { try file.save(Choice(hidden: [:])) } catch { #expect("\(error)".contains("is not a folder"), "\(error)") }
    }
}
