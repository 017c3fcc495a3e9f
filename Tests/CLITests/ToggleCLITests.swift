import Foundation
import RedisClient
import TestSupport
import Testing

/// Runs the real `opsdeck` binary (`OpsdeckRun`) against a private server and checks output and
/// exit codes.
@Suite struct ToggleCLITests {
    @Test func exitCodesForEveryOutcome() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "True", "fingerprint", "John S\u{1B}[2J")
            try redis.execute("HSET", "session:1", "authType", "fb-user")

            let list = try OpsdeckRun.run(["toggles", "list"] + socket)
            #expect(list.status == 0)
            #expect(list.stdout.contains("useNewAlgorithm") && list.stdout.contains("John S␛[2J"))
            #expect(!list.stdout.contains("\u{1B}"), "escape sequences never reach the terminal")

            let flipped = try OpsdeckRun.run(
                ["toggles", "set", "useNewAlgorithm", "off", "--reason", "incident 42", "--as", "ci-bot"] + socket)
            #expect(flipped.status == 0, "\(flipped.stderr)")
            #expect(try redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")

            let conflict = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "on", "--expect", "on"] + socket)
            #expect(conflict.status == 3)
            #expect(conflict.stderr.contains("not changed"))
            #expect(try redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")

            let before = try redis.execute("DBSIZE")
            let readOnly = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "on", "--read-only"] + socket)
            #expect(readOnly.status == 4)
            #expect(try redis.execute("DBSIZE") == before && redis.execute("HGET", "useNewAlgorithm", "toggle").string == "False")

            #expect(try OpsdeckRun.run(["toggles", "get", "nope"] + socket).status == 6)
            #expect(try OpsdeckRun.run(["sessions", "show", "session:nope"] + socket).status == 6)
            #expect(try OpsdeckRun.run(["sessions", "list", "--where", "authType"] + socket).status == 64)
            #expect(try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "maybe"] + socket).status == 64)
            #expect(try OpsdeckRun.run(["toggles", "list", "-s", server.directory.path + "/nothing.sock"]).status == 69)

            let history = try OpsdeckRun.run(["toggles", "history", "useNewAlgorithm", "--json"] + socket)
            #expect(history.status == 0)
            let entries = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]
            #expect(entries?.count == 1)
            #expect(entries?.first?["actor"] as? String == "ci-bot")
            #expect(entries?.first?["reason"] as? String == "incident 42")

            let show = try OpsdeckRun.run(["sessions", "show", "session:1", "--json"] + socket)
            let shown = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
            let decisions = shown?["decisions"] as? [[String: Any]]
            #expect((decisions?.first?["reason"] as? [String: Any])?["kind"] as? String == "disabled")
        }
    }

    @Test func logsWriteAndTailEscapeControlCharacters() throws {
        try withServer { server in
            let socket = ["-s", server.socketPath]
            let write = try OpsdeckRun.run(["logs", "write", "checkout", "paid \u{1B}]0;pwned\u{07}", "--severity", "err"] + socket)
            #expect(write.status == 0, "\(write.stderr)")
            let tail = try OpsdeckRun.run(["logs", "tail", "--severity", "warning"] + socket)
            #expect(tail.status == 0)
            #expect(tail.stdout.contains("ERROR") && tail.stdout.contains("checkout") && tail.stdout.contains("paid ␛]0;pwned␇"))
            #expect(!tail.stdout.contains("\u{1B}") && !tail.stdout.contains("\u{07}"))
            let json = try OpsdeckRun.run(["logs", "tail", "--json"] + socket)
            let entries = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
            #expect(entries?.first?["severity"] as? String == "error")
            #expect(entries?.first?["message"] as? String == "paid \u{1B}]0;pwned\u{07}", "JSON keeps the exact text, escaped by JSON")
        }
    }

    @Test func followPrintsNewLinesAndEndsCleanlyOnSIGINT() throws {
        try withConnection { redis, server in
            try redis.execute("LPUSH", "recent:svc:info", "Thu Nov 26 18:03:33 2026 first")
            let process = Process()
            process.executableURL = try OpsdeckRun.binary()
            process.arguments = ["logs", "tail", "--follow", "--interval", "0.1", "-s", server.socketPath]
            let out = server.directory.appendingPathComponent("follow.out")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Never leave it behind, even if it ignores SIGINT (the failure this test looks for).
            defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
            let output = { (try? String(contentsOf: out, encoding: .utf8)) ?? "" }
            #expect(eventually { output().contains("first") })
            try redis.execute("LPUSH", "recent:svc:info", "Thu Nov 26 18:03:34 2026 second")
            #expect(eventually { output().contains("second") })
            // One transaction, so the tail cannot read half of the burst and keep up with it.
            try redis.send(
                [RedisCommand("MULTI")]
                    + (0..<150).flatMap {
                        [
                            RedisCommand("LPUSH", "recent:svc:info", "burst \($0)"),
                            RedisCommand("LTRIM", "recent:svc:info", 0, 99),
                        ]
                    }
                    + [RedisCommand("EXEC")])
            #expect(eventually { output().contains("burst 149") })
            #expect(output().contains("--- entries may have been lost"))
            #expect(output().components(separatedBy: "second").count == 2, "old lines are not printed again")
            kill(process.processIdentifier, SIGINT)
            let ended = eventually { !process.isRunning }
            #expect(ended, "SIGINT ends --follow")
            guard ended else { return }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0 && process.terminationReason == .exit)
        }
    }
}
