import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Big listings from the CLI (issue 17): `toggles list --json` streams the same bytes the whole
/// array encoded at once would give, and long walks show a progress line only on a terminal and
/// never with `--json`.
@Suite struct LargeListingCLITests {
    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    @Test func theJSONWriterStreamsAndWritesTheWholeArraysBytes() throws {
        let toggles = (0..<5).map {
            Toggle(key: RedisKey("toggle:t\($0)"), name: "t\($0)", pairs: [("toggle", "on"), ("fingerprint", "A/B \"q\"\n")])!
        }
        var chunks: [Data] = []
        let writer = JSONArrayWriter<Toggle> { chunks.append($0) }
        try writer.append(toggles[0])
        try writer.append(toggles[1])
        try writer.flush()
        #expect(chunks.count == 1, "the first page is written before the listing ends")
        try writer.append(contentsOf: Array(toggles[2..<4]))
        try writer.append(contentsOf: [])
        try writer.append(toggles[4])
        try writer.finish()
        let streamed = chunks.reduce(Data(), +)
        let whole = try Self.encoder().encode(toggles) + Data("\n".utf8)
        #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: whole, as: UTF8.self))

        var empty = Data()
        let none = JSONArrayWriter<Toggle> { empty.append($0) }
        try none.finish()
        #expect(empty == (try Self.encoder().encode([Toggle]()) + Data("\n".utf8)))
    }

    @Test func togglesListJSONStreamsTheOldShape() throws {
        try withConnection { redis, server in
            try redis.send(
                (0..<2_500).map {
                    RedisCommand(
                        "HSET", String(format: "toggle:%05d", 2_500 - $0), "toggle", $0 % 2 == 0 ? "on" : "False",
                        "releaseNum", "1.\($0)", "fingerprint", "Ann \u{1B}[2J")
                })
            try redis.send((0..<3_000).map { RedisCommand("HSET", "session:\($0)", "authType", "guest") })
            let run = try OpsdeckRun.run(["toggles", "list", "--json", "-s", server.socketPath])
            #expect(run.status == 0, "\(run.stderr)")
            let env = OpsEnvironment(redis: redis, patterns: KeyPatterns(), readOnly: true)
            let expected = try Self.encoder().encode(try ToggleStore.list(env)) + Data("\n".utf8)
            #expect(run.stdout == String(decoding: expected, as: UTF8.self), "byte for byte the array encoded at once")
            let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
            #expect(parsed?.count == 2_500)
            #expect(run.stderr.isEmpty, "no progress line when stderr is not a terminal")
        }
    }

    /// Runs the binary under `script`, so stdout and stderr are a pseudo-terminal.
    private static func onTerminal(_ arguments: [String]) throws -> String {
        let command = ([try OpsdeckRun.binary().path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = ["PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "HOME": NSTemporaryDirectory()]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func longWalksShowProgressOnATerminalOnlyWithoutJSON() throws {
        try withConnection { redis, server in
            try redis.send((0..<50).map { RedisCommand("HSET", "toggle:t\($0)", "toggle", "on") })
            try redis.send((0..<3_000).map { RedisCommand("HSET", "session:\($0)", "authType", $0 == 7 ? "sso" : "guest") })
            let socket = ["-s", server.socketPath]
            let table = try Self.onTerminal(["toggles", "list"] + socket)
            #expect(table.contains("scanning… ") && table.contains(" toggles"), "\(table.prefix(300))")
            #expect(table.contains("t49"))
            let json = try Self.onTerminal(["toggles", "list", "--json"] + socket)
            #expect(json.contains("toggle:t49") && !json.contains("scanning"), "no progress line with --json")
            let sessions = try Self.onTerminal(["sessions", "list", "--where", "authType=sso"] + socket)
            #expect(sessions.contains("scanning… ") && sessions.contains(" sessions"))
            #expect(sessions.contains("session:7"))
            let piped = try OpsdeckRun.run(["sessions", "list", "--where", "authType=sso"] + socket)
            #expect(!piped.stderr.contains("scanning"), "no progress line when stderr is not a terminal")
        }
    }
}
