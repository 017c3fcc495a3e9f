import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 29 with the real binary, through a `FaultProxy` in front of a real server: under
/// hostile replies and slow links the exit code and the message tell the truth.
@Suite struct FaultCLITests {
    /// A toggle and a log list for the commands to read.
    private func seed(_ server: RedisServerProcess) throws {
        let redis = try server.connect()
        defer { redis.close() }
        try redis.execute("HSET", "useNewAlgorithm", "toggle", "True", "releaseNum", String(repeating: "7", count: 300))
        try redis.execute("LPUSH", "recent:checkout:error", "Mon Dec  7 12:00:00 2026 payment failed")
    }

    /// Bugs 4, 6 and 8: every reply of the hostile table ends `toggles list --json` (HGETALL) or
    /// `logs tail` (LRANGE) with an error: no crash, no exit 0, no empty list, a short message.
    @Test func everyHostileReplyFailsTheCommand() throws {
        try withServer { server in
            try seed(server)
            let proxy = try FaultProxy(backend: server.endpoint)
            defer { proxy.stop() }
            for hostile in HostileReply.all {
                proxy.setRules([FaultRule(hostile.command, hostile.fault)])
                let arguments = hostile.command == "LRANGE" ? ["logs", "tail"] : ["toggles", "list", "--json"]
                let run = try OpsdeckRun.run(arguments + ["--url", proxy.url, "--timeout", "5"])
                #expect(!run.crashed, "\(hostile): crashed with signal \(run.status)")
                #expect(run.status != 0, "\(hostile): exit 0 with \(run.stdout.prefix(200))")
                #expect(!run.stderr.isEmpty, "\(hostile): no message")
                #expect(run.allOutput.utf8.count < 4000, "\(hostile): \(run.allOutput.utf8.count) bytes of output")
            }
        }
    }

    /// Bug 5: over a link that sends one byte every 50 ms, no read ever times out, but the
    /// command's `--timeout 1` is its deadline: it ends with the timeout's exit code (69) and
    /// says so, instead of finishing many seconds later with exit 0.
    @Test func timeoutIsTheDeadlineOfTheWholeCommand() throws {
        try withServer { server in
            try seed(server)
            let proxy = try FaultProxy(backend: server.endpoint, rules: [FaultRule(nil, .dribble(bytes: 1, interval: 0.05))])
            defer { proxy.stop() }
            for arguments in [["toggles", "list", "--json"], ["logs", "tail"]] {
                let run = try OpsdeckRun.run(arguments + ["--url", proxy.url, "--timeout", "1"])
                #expect(run.status == 69, "\(arguments): exit \(run.status) \(run.stderr)")
                #expect(run.stderr.contains("deadline"), "\(arguments): \(run.stderr)")
            }
        }
    }

    /// Bug 9: a connection reset before the first reply is not blamed on TLS.
    @Test func aResetBeforeTheFirstReplyIsNotBlamedOnTLS() throws {
        try withServer { server in
            let proxy = try FaultProxy(backend: server.endpoint, rules: [FaultRule("CLIENT", .resetBeforeCommand)])
            defer { proxy.stop() }
            let run = try OpsdeckRun.run(["toggles", "list", "--url", proxy.url, "--timeout", "3"])
            #expect(run.status == 69, "exit \(run.status): \(run.stderr)")
            #expect(!run.stderr.contains("TLS"), "\(run.stderr)")
            #expect(run.stderr.contains("reset"), "\(run.stderr)")
        }
    }

    /// Bug 9: a password given as a URL query parameter is never echoed.
    @Test func aQueryPasswordIsNeverEchoed() throws {
        for url in [
            "redis://127.0.0.1:6379/?password=S3cretPw", "redis://127.0.0.1:6379?password=S3cretPw",
            "redis://127.0.0.1/0?user=a&password=S3cretPw", "unix:///tmp/x.sock?password=S3cretPw",
        ] {
            let run = try OpsdeckRun.run(["toggles", "list", "--url", url, "--timeout", "1"])
            #expect(run.status != 0, "\(url): exit 0")
            #expect(!run.allOutput.contains("S3cretPw"), "\(url): \(run.allOutput)")
        }
    }
}
