import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 15, the command line: options before the subcommand, --version, gates that refuse what
/// they cannot mean, did-you-mean for names and subcommands, one on/off vocabulary — each with
/// the real binary against a private server.
@Suite struct StrictInputCLITests {
    /// A server with one toggle, one log list and one error-free keyspace otherwise.
    static func withSeededServer(_ body: (RedisServerProcess, RedisConnection) throws -> Void) throws {
        try withServer { server in
            let redis = try server.connect()
            defer { redis.close() }
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "False")
            try redis.execute("LPUSH", "recent:checkout:error", "Thu Nov 26 18:03:33 2026 payment timed out")
            try body(server, redis)
        }
    }

    /// Found: `opsdeck -s SOCK logs tail` failed; redis-cli users type the options first.
    @Test func connectionOptionsBeforeTheSubcommand() throws {
        try Self.withSeededServer { server, _ in
            for arguments in [
                ["-s", server.socketPath, "logs", "tail"], ["logs", "-s", server.socketPath, "tail"],
                ["logs", "tail", "-s", server.socketPath], ["--socket=\(server.socketPath)", "logs", "tail"],
                ["--read-only", "-s", server.socketPath, "--timeout", "2", "logs", "tail", "--lines", "5"],
            ] {
                let run = try OpsdeckRun.run(arguments)
                #expect(run.status == 0, "\(arguments): exit \(run.status) \(run.stderr)")
                #expect(run.stdout.contains("payment timed out"), "\(arguments): \(run.stdout)")
            }
            // The options before the subcommand are checked like the others.
            let bad = try OpsdeckRun.run(["-p", "99999", "logs", "tail"])
            #expect(bad.status == 64 && bad.stderr.contains("--port must be between 1 and 65535"), "\(bad.stderr)")
            // Flags before the subcommand hold as well: --read-only refuses the write.
            let written = try OpsdeckRun.run(["-s", server.socketPath, "--read-only", "logs", "write", "logs", "x"])
            #expect(written.status == 4, "read-only before the subcommand must hold: \(written.allOutput)")
        }
    }

    /// Found: no --version. It names opsdeck's version and the linked hiredis and ncurses.
    @Test func versionNamesTheLibraries() throws {
        let run = try OpsdeckRun.run(["--version"])
        #expect(run.status == 0, "exit \(run.status): \(run.stderr)")
        #expect(
            run.stdout.range(
                of: #"^opsdeck \d+\.\d+\.\d+\nhiredis \d+\.\d+\.\d+\nncurses \d+\.\d+"#,
                options: .regularExpression) != nil, "\(run.stdout)")
    }

    /// Found: `--since 30` meant 30 seconds, `--since 0s` was accepted.
    @Test func sinceNeedsAUnitAndMoreThanZero() throws {
        let bare = try OpsdeckRun.run(["errors", "count", "--since", "30"])
        #expect(bare.status == 64, "exit \(bare.status)")
        #expect(bare.stderr.contains("did you mean 30m?"), "\(bare.stderr)")
        for zero in ["0s", "0m", "0"] {
            let run = try OpsdeckRun.run(["errors", "count", "--since", zero])
            #expect(run.status == 64 && run.stderr.contains("more than zero"), "\(zero): \(run.stderr)")
        }
    }

    /// Found: `--toggle nosuch --max 0` printed 0 and exited 0; `logs tail --source nosuch` and
    /// `toggles history nosuch` exited 0 silently. Now exit 6 with the closest name
    /// (case-insensitive and by edit distance), unless --allow-missing.
    @Test func namesThatNameNothingAreNotFound() throws {
        try Self.withSeededServer { server, redis in
            let socket = ["-s", server.socketPath]
            let gate = try OpsdeckRun.run(["errors", "count", "--toggle", "useNewAlgoritm", "--max", "0"] + socket)
            #expect(gate.status == 6, "exit \(gate.status): \(gate.allOutput)")
            #expect(gate.stderr.contains("did you mean 'useNewAlgorithm'?"), "\(gate.stderr)")
            #expect(gate.stdout.isEmpty, "no count may be printed for a toggle that does not exist: \(gate.stdout)")
            let allowed = try OpsdeckRun.run(["errors", "count", "--toggle", "gone", "--max", "0", "--allow-missing"] + socket)
            #expect(allowed.status == 0 && allowed.stdout == "0\n", "exit \(allowed.status): \(allowed.allOutput)")
            // A name with error records (but no toggle hash) exists, if only in the error history.
            try redis.execute(
                "HSET", "error:retired:03-12-19-10-32-05", "toggleName", "retired", "toggleValue", "True",
                "fingerPrint", "Ann", "exceptionBody", "old")
            let retired = try OpsdeckRun.run(["errors", "count", "--toggle", "retired", "--since", "1h", "--max", "0"] + socket)
            #expect(retired.status == 0 && retired.stdout == "0\n", "exit \(retired.status): \(retired.allOutput)")
            let caseOnly = try OpsdeckRun.run(["errors", "count", "--toggle", "usenewalgorithm", "--max", "0"] + socket)
            #expect(caseOnly.status == 0, "the count compares case-insensitively: \(caseOnly.allOutput)")

            let source = try OpsdeckRun.run(["logs", "tail", "--source", "Checkout"] + socket)
            #expect(source.status == 6 && source.stderr.contains("did you mean 'checkout'?"), "\(source.allOutput)")
            let waiting = try OpsdeckRun.run(["logs", "tail", "--source", "deploy", "--allow-missing"] + socket)
            #expect(waiting.status == 0, "\(waiting.allOutput)")

            for arguments in [
                ["toggles", "history", "usenewalgorithm"], ["toggles", "get", "usenewalgorithm"],
                ["toggles", "set", "useNewAlgoritm", "on"],
            ] {
                let run = try OpsdeckRun.run(arguments + socket)
                #expect(run.status == 6, "\(arguments): exit \(run.status) \(run.allOutput)")
                #expect(
                    run.stderr.contains("no toggle named `\(arguments[2])` (did you mean 'useNewAlgorithm'?)"),
                    "\(arguments): \(run.stderr)")
            }
            let history = try OpsdeckRun.run(["toggles", "history", "useNewAlgorithm"] + socket)
            #expect(history.status == 0, "an existing toggle without history is not an error: \(history.allOutput)")
        }
    }

    /// Found: no did-you-mean for `toggles lst`.
    @Test func mistypedSubcommandsSuggestTheClosest() throws {
        for (arguments, typo, suggestion) in [
            (["toggles", "lst"], "lst", "list"), (["tgogles", "list"], "tgogles", "toggles"),
            (["logs", "tial"], "tial", "tail"), (["erors", "count"], "erors", "errors"),
        ] {
            let run = try OpsdeckRun.run(arguments)
            #expect(run.status == 64, "\(arguments): exit \(run.status)")
            #expect(run.stderr.contains("unknown command '\(typo)'"), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("did you mean '\(suggestion)'?"), "\(arguments): \(run.stderr)")
        }
    }

    /// Found: `set X maybe` said "provide one of 'on' and 'off'" while `true` and `0` were accepted.
    /// Now help and the refusal list exactly the accepted spellings, and suggest on/off.
    @Test func oneVocabularyForStates() throws {
        let help = try OpsdeckRun.run(["toggles", "set", "--help"])
        let vocabulary = "on/off, true/false, 1/0, yes/no, enabled/disabled"
        #expect(
            help.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: "")
                .contains(vocabulary), "\(help.stdout)")
        let maybe = try OpsdeckRun.run(["toggles", "set", "x", "maybe"])
        #expect(maybe.status == 64, "exit \(maybe.status)")
        #expect(maybe.stderr.contains("'maybe' is not a state: use on or off (accepted, any case: \(vocabulary))"), "\(maybe.stderr)")
        let expect = try OpsdeckRun.run(["toggles", "set", "x", "on", "--expect", "False!"])
        #expect(expect.status == 64 && expect.stderr.contains("--expect 'False!' is not a state: use on or off"), "\(expect.stderr)")

        try Self.withSeededServer { server, redis in
            let socket = ["-s", server.socketPath]
            for (spelling, state) in [("ENABLED", "True"), ("disabled", "False"), ("Yes", "True"), ("0", "False")] {
                let run = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", spelling] + socket)
                #expect(run.status == 0, "\(spelling): \(run.allOutput)")
                let value = try redis.send([RedisCommand("HGET", "useNewAlgorithm", "toggle")]).first?.string
                #expect(value == state, "\(spelling) wrote \(value ?? "nil")")
            }
            // The conflict names the canonical state to retry with, never the stored spelling.
            let conflict = try OpsdeckRun.run(["toggles", "set", "useNewAlgorithm", "on", "--expect", "enabled"] + socket)
            #expect(conflict.status == 3, "exit \(conflict.status): \(conflict.allOutput)")
            #expect(conflict.stderr.contains("retry with --expect off"), "\(conflict.stderr)")
            #expect(!conflict.stderr.contains("--expect False"), "\(conflict.stderr)")
        }
    }
}
