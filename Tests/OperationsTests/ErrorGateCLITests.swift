import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

/// The real `opsdeck` binary as a pipeline runs it: `errors count --max N` exits 5 above N.
/// It needs the binary built first (`swift build --scratch-path .build-err`); a missing one fails
/// with that command.
@Suite struct ErrorGateCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["OPSDECK_BINARY"] { return URL(fileURLWithPath: path) }
        // The test bundle sits beside the products of the same build.
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("opsdeck"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build-err/debug/opsdeck"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw LocalRedisError.missing(what: "the opsdeck binary", install: "swift build --scratch-path .build-err (or set OPSDECK_BINARY)")
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        var environment = ProcessInfo.processInfo.environment
        // No config file or default URL of whoever runs the tests may change what is tested.
        environment["OPSDECK_CONFIG"] = nil
        environment["OPSDECK_URL"] = nil
        environment["REDISCLI_AUTH"] = nil
        environment["HOME"] = "/nonexistent-opsdeck-test-home"
        process.environment = environment
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                   stderr: String(decoding: errors, as: UTF8.self))
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countMaxGateExitsFiveWhenExceeded(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            let socket = ["-s", server.socketPath]

            let exceeded = try Self.run(["errors", "count", "--max", "0"] + socket)
            #expect(exceeded.status == 5, "stderr: \(exceeded.stderr)")
            #expect(exceeded.stdout == "1\n")
            #expect(exceeded.stderr.contains("gate exceeded: 1 errors"))

            let within = try Self.run(["errors", "count", "--max", "1"] + socket)
            #expect(within.status == 0, "stderr: \(within.stderr)")
            #expect(within.stdout == "1\n")

            // A deploy gate on one toggle in the last 30 minutes, recorded through the CLI now.
            let added = try Self.run(["errors", "add", "--toggle", "payments", "--value", "True", "--fingerprint", "Ann",
                                      "--exception-file", "-"] + socket, stdin: "Timeout: gateway\n  at Pay.run")
            #expect(added.status == 0, "stderr: \(added.stderr)")
            let gate = try Self.run(["errors", "count", "--toggle", "payments", "--since", "30m", "--max", "0", "--json"] + socket)
            #expect(gate.status == 5, "stderr: \(gate.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(gate.stdout.utf8)) as? [String: Any]
            #expect(json?["count"] as? Int == 1)
            #expect(json?["exceeded"] as? Bool == true)
            #expect(json?["max"] as? Int == 0)
            let old = try Self.run(["errors", "count", "--toggle", "useNewAlgorithm", "--since", "30m", "--max", "0"] + socket)
            #expect(old.status == 0, "stderr: \(old.stderr)")
            #expect(old.stdout == "0\n")
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func searchPrintsTablesJSONAndClearErrors(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            let socket = ["-s", server.socketPath]

            let table = try Self.run(["errors", "search", "ArrayIndexOutOfBoundsException: 5"] + socket)
            #expect(table.status == 0, "stderr: \(table.stderr)")
            #expect(table.stdout.contains("useNewAlgorithm:03-12-19-10-32-05  2019-03-12 10:32:05  useNewAlgorithm"))
            #expect(table.stdout.contains("1 of 1 shown"))
            #expect(table.stderr.contains("client-side") == (flavor == .plain))

            let json = try Self.run(["errors", "search", "dev:john", "--json"] + socket)
            #expect(json.status == 0, "stderr: \(json.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(Set(object?.keys.map { $0 } ?? []) == ["backend", "notice", "records", "total"])
            let record = (object?["records"] as? [[String: Any]])?.first
            #expect(record?["id"] as? String == ErrorFixtures.seedID)
            #expect(record?["time"] as? String == "2019-03-12T10:32:05Z")

            // A query that starts with `-` goes after `--`, as with any command-line tool.
            let nothing = try Self.run(["errors", "search"] + socket + ["--", "-- @ ("])
            #expect(nothing.status == 64)
            #expect(nothing.stderr.contains("nothing to search for"))
            let unknown = try Self.run(["errors", "search", "color:red"] + socket)
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("toggleName"))
        }
    }
}
