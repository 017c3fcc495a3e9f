import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The fault and abuse campaign's findings (issue 16), each reproduced with the real binary
/// against a real server: an error reply is never "not found", no password is ever printed, no
/// text from Redis reaches the terminal raw, and one huge value does not blow up plain output.
@Suite struct HardeningCLITests {
    /// A server stuck in a long script answers BUSY to everything: `toggles get` and
    /// `sessions show` must say so, not exit 6 "not found".
    @Test func busyServerIsAnErrorNotNotFound() throws {
        try withServer(extraArguments: ["--busy-reply-threshold", "50"]) { server in
            let redis = try server.connect()
            defer { redis.close() }
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "True")
            try redis.execute("HSET", "session:1", "authType", "fb-user")
            guard let cli = ChildProcess.findExecutable("redis-cli") else {
                Issue.record("redis-cli is missing: apt-get install redis-tools")
                return
            }
            let script = try ChildProcess(path: cli, arguments: ["-s", server.socketPath, "EVAL", "while true do end", "0"])
            defer {
                _ = try? redis.send([RedisCommand("SCRIPT", "KILL")])
                script.terminate()
            }
            // Wait until the server really answers BUSY.
            let busy = eventually {
                (try? redis.send([RedisCommand("PING")]))?.first?.errorMessage?.hasPrefix("BUSY") == true
            }
            #expect(busy, "the looping script never made the server busy")

            let socket = ["-s", server.socketPath]
            for arguments in [
                ["toggles", "get", "useNewAlgorithm"], ["sessions", "show", "session:1"],
                ["toggles", "history", "useNewAlgorithm"], ["toggles", "list"],
            ] {
                let run = try OpsdeckRun.run(arguments + socket)
                #expect(run.status != 0 && run.status != 6, "\(arguments): exit \(run.status) \(run.stderr)")
                #expect(run.stderr.contains("BUSY"), "\(arguments) must say what the server answered: \(run.stderr)")
                #expect(!run.stderr.contains("not found"), "\(arguments): \(run.stderr)")
            }
        }
    }

    /// Invalid endpoints used to echo the whole URL, password included, into CI logs.
    @Test func noMessageEverShowsThePassword() throws {
        let secret = "S3cretPw"
        let urls = [
            "redis://default:\(secret)@127.0.0.1:99999",
            "redis://default:\(secret)@127.0.0.1:70000/0",
            "redis://default:\(secret)@127.0.0.1/abc",
            "redis://default:\(secret)@[::1",
            "rediss://default:\(secret)@cache.example:63x0",
            "http://default:\(secret)@cache.example",
            "redis://default:\(secret)",
            "default:\(secret)@cache.example",
        ]
        for url in urls {
            let run = try OpsdeckRun.run(["toggles", "list", "--url", url])
            #expect(run.status == 64, "\(url): exit \(run.status)")
            #expect(!run.allOutput.contains(secret), "the password leaked for \(url): \(run.allOutput)")
            #expect(run.stderr.contains("invalid Redis endpoint"), "\(url): \(run.stderr)")
        }
        // The same URL from a config file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config.yaml")
        try """
        current-context: prod
        contexts:
          prod:
            url: redis://default:\(secret)@10.0.0.1:99999
        """.write(to: config, atomically: true, encoding: .utf8)
        let run = try OpsdeckRun.run(["toggles", "list", "--config", config.path])
        #expect(run.status == 64, "exit \(run.status): \(run.stderr)")
        #expect(!run.allOutput.contains(secret), "the password leaked from the config: \(run.allOutput)")
    }

    /// A password typed in `--url` is masked in the process's own arguments (what `ps` shows)
    /// for the life of a long-running command, and the user is told to use REDISCLI_AUTH.
    @Test func aPasswordOnTheCommandLineIsMaskedInPs() throws {
        let secret = "S3cretPw"
        try withServer(extraArguments: ["--requirepass", secret]) { server in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-ps-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let errPath = directory.appendingPathComponent("err").path
            let child = try ChildProcess(
                path: try OpsdeckRun.binary().path,
                arguments: ["logs", "tail", "--follow", "--url", "redis://:\(secret)@127.0.0.1:6379", "-s", server.socketPath],
                environment: OpsdeckRun.environment(home: directory.path),
                stderr: .file(errPath))
            defer { child.terminate(grace: 1) }
            let masked = eventually {
                let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
                return stderr.contains("REDISCLI_AUTH")
            }
            #expect(masked, "no warning about the password on the command line")
            let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(child.pid)/cmdline"))) ?? Data()
            let shown = String(decoding: cmdline.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            #expect(shown.contains("logs tail"), "could not read the command line: \(shown)")
            #expect(!shown.contains(secret), "ps still shows the password: \(shown)")
            let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            #expect(child.isRunning, "the tail should still be running with the real password: \(stderr)")
        }
    }

    /// A toggle whose value carries a terminal escape: the conflict message shows it as visible
    /// placeholders, and suggests a retry that `--expect` accepts.
    @Test func valuesFromRedisNeverReachStderrRaw() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            try redis.execute("HSET", "hostile", "toggle", "x\u{1B}]2;PWNED\u{07}")
            try redis.execute("HSET", "plain", "toggle", "True")

            let hostile = try OpsdeckRun.run(["toggles", "set", "hostile", "on", "--expect", "off"] + socket)
            #expect(hostile.status == 3, "\(hostile.stderr)")
            #expect(
                !hostile.allOutput.contains("\u{1B}") && !hostile.allOutput.contains("\u{07}"),
                "raw control characters reached the terminal: \(hostile.stderr.debugDescription)")
            #expect(hostile.stderr.contains("x␛]2;PWNED␇"), "\(hostile.stderr)")
            #expect(hostile.stderr.contains("retry without --expect"), "\(hostile.stderr)")
            #expect(!hostile.stderr.contains("--expect x"), "\(hostile.stderr)")

            let plain = try OpsdeckRun.run(["toggles", "set", "plain", "off", "--expect", "off"] + socket)
            #expect(plain.status == 3)
            #expect(plain.stderr.contains("--expect on"), "suggest what --expect accepts: \(plain.stderr)")
            #expect(!plain.stderr.contains("--expect True"), "\(plain.stderr)")

            // User input echoed by the argument parser is sanitised too.
            let typed = try OpsdeckRun.run(["toggles", "set", "plain", "o\u{1B}[2Jn"] + socket)
            #expect(typed.status == 64)
            #expect(!typed.allOutput.contains("\u{1B}"), "\(typed.stderr.debugDescription)")
            #expect(typed.stderr.hasPrefix("opsdeck: "), "\(typed.stderr)")
        }
    }

    /// One 10 MB value: plain tables cut each cell, `--json` keeps the whole value.
    @Test func oneHugeValueDoesNotBlowUpPlainOutput() throws {
        try withConnection { redis, server in
            let socket = ["-s", server.socketPath]
            let huge = String(repeating: "A", count: 10_000_000)
            for index in 0..<16 { try redis.execute("HSET", "flag\(index)", "toggle", "True") }
            try redis.execute("HSET", "flag0", "fingerprint", huge)
            try redis.execute("HSET", "session:big", "authType", "fb-user", "reason", huge)

            let list = try OpsdeckRun.run(["toggles", "list"] + socket)
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.utf8.count < 20_000, "plain list printed \(list.stdout.utf8.count) bytes")
            #expect(list.stdout.contains("flag15") && list.stdout.contains("A…"))

            let json = try OpsdeckRun.run(["toggles", "list", "--json"] + socket)
            #expect(json.status == 0)
            #expect(json.stdout.utf8.count > 10_000_000, "--json keeps full values")

            let show = try OpsdeckRun.run(["sessions", "show", "session:big"] + socket)
            #expect(show.status == 0, "\(show.stderr)")
            #expect(show.stdout.utf8.count < 20_000, "sessions show printed \(show.stdout.utf8.count) bytes")
            #expect(show.stdout.contains("A…"))
        }
    }

    /// Wrong password: one period, not two. Plaintext to a TLS port: says TLS, not "will reconnect".
    @Test func connectionMessagesReadRight() throws {
        try withServer(extraArguments: ["--requirepass", "right"]) { server in
            let wrong = try OpsdeckRun.run(["toggles", "list", "-s", server.socketPath], environment: ["REDISCLI_AUTH": "wrong"])
            #expect(wrong.status == 69)
            #expect(wrong.stderr.contains("rejected the credentials"), "\(wrong.stderr)")
            #expect(!wrong.stderr.contains(".."), "\(wrong.stderr)")
            #expect(!wrong.stderr.contains("right") && !wrong.stderr.contains("wrong "), "\(wrong.stderr)")
        }
        try withServer(choosingPorts: { try TestCertificates.shared().serverArguments(port: try freeLoopbackPort()) }) { server in
            let port = try #require(server.tcpPort)
            let run = try OpsdeckRun.run(["toggles", "list", "--url", "redis://127.0.0.1:\(port)", "--timeout", "3"])
            #expect(run.status == 69, "exit \(run.status): \(run.stderr)")
            #expect(run.stderr.contains("TLS"), "the likely cause is named: \(run.stderr)")
            #expect(!run.stderr.contains("reconnect on the next call"), "\(run.stderr)")
        }
    }
}
