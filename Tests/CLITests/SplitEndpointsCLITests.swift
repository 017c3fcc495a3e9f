import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Issue 13, one database per kind of data: with three real servers (toggles on A, sessions on
/// B, errors and logs on C) every subcommand reads its own kind's server, and each server holds
/// decoys of the other kinds, so a command that read the wrong one shows the decoy.
@Suite struct SplitEndpointsCLITests {
    /// Three seeded servers: A toggles, B sessions, C errors and logs; each with decoys.
    static func withThreeServers(_ body: (_ a: RedisServerProcess, _ b: RedisServerProcess, _ c: RedisServerProcess) throws -> Void) throws
    {
        try withServer { a in
            try withServer { b in
                try withServer { c in
                    let ca = try a.connect(), cb = try b.connect(), cc = try c.connect()
                    defer {
                        ca.close()
                        cb.close()
                        cc.close()
                    }
                    _ = try ca.execute("HSET", "alpha", "toggle", "True", "override", "fb-user")
                    _ = try ca.execute("HSET", "session:decoyA", "authType", "fb-user")
                    _ = try ca.execute("LPUSH", "recent:decoyA:error", "Thu Nov 26 18:03:33 2026 decoy line on A")
                    _ = try cb.execute("HSET", "session:onB1", "authType", "fb-user", "name", "B one")
                    _ = try cb.execute("HSET", "session:onB2", "authType", "google", "name", "B two")
                    _ = try cb.execute("HSET", "decoyToggleB", "toggle", "False")
                    _ = try cc.execute(
                        "HSET", "error:alpha:03-12-19-10-32-05", "toggleName", "alpha", "toggleValue", "True",
                        "fingerPrint", "John S", "exceptionBody", "Boom on C")
                    _ = try cc.execute("LPUSH", "recent:svc:error", "Thu Nov 26 18:03:33 2026 line from C")
                    _ = try cc.execute("HSET", "session:decoyC", "authType", "fb-user")
                    try body(a, b, c)
                }
            }
        }
    }

    static func config(_ a: RedisServerProcess, _ b: RedisServerProcess, _ c: RedisServerProcess) -> String {
        """
        current-context: split
        contexts:
          split:
            url: unix://\(a.socketPath)
            endpoints:
              sessions: unix://\(b.socketPath)
              errors:
                url: unix://\(c.socketPath)
              logs: unix://\(c.socketPath)
        """
    }

    @Test func eachSubcommandReadsItsKindsServer() throws {
        try Self.withThreeServers { a, b, c in
            let directory = try ConfigCLITests.scratch()
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("config.yaml")
            try ConfigCLITests.write(Self.config(a, b, c), to: file)
            let conf = ["--config", file.path]

            let toggles = try OpsdeckRun.run(["toggles", "list", "--json"] + conf)
            #expect(
                toggles.status == 0 && toggles.stdout.contains("alpha") && !toggles.stdout.contains("decoyToggleB"),
                "\(toggles.allOutput)")
            let sessions = try OpsdeckRun.run(["sessions", "list", "--json"] + conf)
            #expect(
                sessions.status == 0 && sessions.stdout.contains("session:onB1") && sessions.stdout.contains("session:onB2"),
                "\(sessions.allOutput)")
            #expect(!sessions.stdout.contains("decoy"), "\(sessions.stdout)")
            let logs = try OpsdeckRun.run(["logs", "tail"] + conf)
            #expect(logs.status == 0 && logs.stdout.contains("line from C") && !logs.stdout.contains("decoy"), "\(logs.allOutput)")
            let errors = try OpsdeckRun.run(["errors", "search", "Boom", "--json"] + conf)
            #expect(errors.status == 0 && errors.stdout.contains("Boom on C"), "\(errors.allOutput)")
            // The blast radius of alpha (on for fb-user) counts B's sessions: one of two.
            let show = try OpsdeckRun.run(["sessions", "show", "session:onB1", "--json"] + conf)
            #expect(show.status == 0 && show.stdout.contains("\"toggle\" : \"alpha\""), "\(show.allOutput)")
            let report = try OpsdeckRun.run(["incident", "export", "--format", "json", "--since", "3000d"] + conf)
            #expect(
                report.status == 0 && report.stdout.contains("Boom on C") && report.stdout.contains("line from C"),
                "\(report.allOutput)")
            #expect(report.stdout.contains("(sessions)") && !report.stdout.contains("decoy"), "\(report.stdout)")

            // A URL from the flags points everything elsewhere, the context's endpoints included…
            let redirected = try OpsdeckRun.run(["sessions", "list", "--json", "--url", "unix://\(c.socketPath)"] + conf)
            #expect(redirected.status == 0 && redirected.stdout.contains("session:decoyC"), "\(redirected.allOutput)")
            // …and `--endpoint` wins over everything for its kind, with or without a config.
            let flagged = try OpsdeckRun.run([
                "sessions", "list", "--json", "-s", a.socketPath, "--endpoint", "sessions=unix://\(b.socketPath)",
            ])
            #expect(
                flagged.status == 0 && flagged.stdout.contains("session:onB1") && !flagged.stdout.contains("decoy"),
                "\(flagged.allOutput)")
            let flaggedLogs = try OpsdeckRun.run(["logs", "tail", "-s", a.socketPath, "--endpoint", "logs=unix://\(c.socketPath)"])
            #expect(flaggedLogs.stdout.contains("line from C") && !flaggedLogs.stdout.contains("decoy"), "\(flaggedLogs.allOutput)")
        }
    }

    /// A write goes to its kind's server too: `logs write` lands on C, not on A.
    @Test func writesGoToTheirKindsServer() throws {
        try Self.withThreeServers { a, b, c in
            let write = try OpsdeckRun.run([
                "logs", "write", "deploy", "split hello", "-s", a.socketPath,
                "--endpoint", "logs=unix://\(c.socketPath)",
            ])
            #expect(write.status == 0, "\(write.allOutput)")
            let onC = try c.connect(), onA = try a.connect()
            defer {
                onC.close()
                onA.close()
            }
            #expect(try onC.execute("LLEN", "recent:deploy:info").int == 1)
            #expect(try onA.execute("EXISTS", "recent:deploy:info").int == 0)
        }
    }

    @Test func unknownKindsAreRefusedWithTheClosestOne() throws {
        let directory = try ConfigCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.yaml")
        try ConfigCLITests.write(
            """
            contexts:
              split:
                url: redis://127.0.0.1:1
                endpoints:
                  sesions: redis://127.0.0.1:2
                  errors: { url: redis://127.0.0.1:3, tsl: { insecure: true } }
                  logs: { tls: { insecure: true } }
            """, to: file)
        let config = try OpsdeckRun.run(["sessions", "list", "--config", file.path, "--context", "split"])
        #expect(config.status == 64, "\(config.allOutput)")
        #expect(
            config.stderr.contains("unknown key 'sesions' in 'contexts.split.endpoints' (did you mean 'sessions'?)"), "\(config.stderr)")
        #expect(config.stderr.contains("unknown key 'tsl' in 'contexts.split.endpoints.errors' (did you mean 'tls'?)"), "\(config.stderr)")
        #expect(config.stderr.contains("'contexts.split.endpoints.logs' needs a url"), "\(config.stderr)")
        let flag = try OpsdeckRun.run(["sessions", "list", "--endpoint", "sesions=redis://127.0.0.1:2"])
        #expect(flag.status == 64 && flag.stderr.contains("did you mean 'sessions'?"), "\(flag.allOutput)")
        let noURL = try OpsdeckRun.run(["sessions", "list", "--endpoint", "sessions"])
        #expect(noURL.status == 64 && noURL.stderr.contains("KIND=URL"), "\(noURL.allOutput)")
    }

    /// A password in an `--endpoint` URL is never echoed, and is masked like `--url`'s.
    @Test func endpointPasswordsAreNeverShown() throws {
        let run = try OpsdeckRun.run(["sessions", "list", "--endpoint", "sessions=redis://u:S3cretPw@127.0.0.1:1", "--timeout", "1"])
        #expect(run.status != 0)
        #expect(!run.allOutput.contains("S3cretPw"), "\(run.allOutput)")
    }
}

/// Split databases over TLS: a kind's `rediss://` URL without a `tls:` block of its own uses
/// the context's settings; a block of its own replaces them; a plaintext kind beside a TLS
/// default endpoint takes none, even with `--cacert` on the command line.
@Suite struct SplitEndpointsTLSCLITests {
    @Test func kindsInheritOrReplaceTheContextsTLS() throws {
        let certs = try TestCertificates.shared()
        try withServer(choosingPorts: { certs.serverArguments(port: try freeLoopbackPort(), clients: "no") }) { tlsServer in
            let port = try #require(tlsServer.tcpPort)
            try withServer { plain in
                let admin = try tlsServer.connect(), other = try plain.connect()
                defer {
                    admin.close()
                    other.close()
                }
                try admin.execute("HSET", "session:overTLS", "authType", "x")
                try other.execute("LPUSH", "recent:plain:info", "Thu Nov 26 18:03:33 2026 plaintext logs")
                let directory = try ConfigCLITests.scratch()
                defer { try? FileManager.default.removeItem(at: directory) }
                let file = directory.appendingPathComponent("config.yaml")
                // Two spellings of one server are two endpoints: the sessions' link is its own.
                func config(sessions: String) -> String {
                    """
                    contexts:
                      tls:
                        url: rediss://localhost:\(port)
                        tls: { cacert: \(certs.ca) }
                        endpoints:
                          sessions: \(sessions)
                          logs: unix://\(plain.socketPath)
                    """
                }
                try ConfigCLITests.write(config(sessions: "rediss://127.0.0.1:\(port)"), to: file)
                let conf = ["--config", file.path, "--context", "tls"]
                let sessions = try OpsdeckRun.run(["sessions", "list", "--json"] + conf)
                #expect(sessions.status == 0 && sessions.stdout.contains("session:overTLS"), "\(sessions.allOutput)")
                let logs = try OpsdeckRun.run(["logs", "tail", "--cacert", certs.ca] + conf)
                #expect(logs.status == 0 && logs.stdout.contains("plaintext logs"), "\(logs.allOutput)")

                // A block of its own replaces the context's: without the CA, verification fails.
                try ConfigCLITests.write(config(sessions: "{ url: \"rediss://127.0.0.1:\(port)\", tls: { sni: localhost } }"), to: file)
                let own = try OpsdeckRun.run(["sessions", "list"] + conf)
                #expect(own.status == 69 && own.stderr.contains("unknown CA"), "\(own.allOutput)")
            }
        }
    }
}

/// `contexts show` names each kind's own database, passwords masked, in text and JSON.
@Suite struct SplitEndpointsContextCLITests {
    @Test func contextsShowNamesTheEndpoints() throws {
        let directory = try ConfigCLITests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("config.yaml")
        try ConfigCLITests.write(
            """
            contexts:
              split:
                url: redis://127.0.0.1:1
                endpoints:
                  sessions: redis://u:Pw0rdX@sessions.internal:6379
                  errors: { url: "rediss://search.internal:6380", tls: { sni: search.internal } }
            """, to: file)
        let text = try OpsdeckRun.run(["contexts", "show", "split", "--config", file.path])
        #expect(text.status == 0 && text.stdout.contains("redis://u:***@sessions.internal:6379"), "\(text.allOutput)")
        #expect(text.stdout.contains("endpoints.sessions"), "\(text.stdout)")
        #expect(text.stdout.contains("rediss://search.internal:6380 (own tls)"), "\(text.stdout)")
        let json = try OpsdeckRun.run(["contexts", "show", "split", "--json", "--config", file.path])
        #expect(json.stdout.contains("\"sessions\" : \"redis://u:***@sessions.internal:6379\""), "\(json.stdout)")
        #expect(!text.allOutput.contains("Pw0rdX") && !json.allOutput.contains("Pw0rdX"))
    }
}
