import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// The real binary over TLS: rediss:// and redis-cli's flags, a CAS flip with its audit, the
/// config's tls: block, and the refusals a user meets first, with their exit codes.
@Suite struct TLSCLITests {
    func withTLSServer(clients: String = "no", _ body: (RedisServerProcess, Int, TestCertificates) throws -> Void) throws {
        let certs = try TestCertificates.shared()
        try withServer(choosingPorts: { certs.serverArguments(port: try freeLoopbackPort(), clients: clients) }) { server in
            let port = try #require(server.tcpPort)
            let admin = try server.connect()
            try admin.execute("HSET", "darkMode", "toggle", "False", "releaseNum", "1.2", "fingerprint", "Li W", "override", "")
            try body(server, port, certs)
        }
    }

    @Test func listAndFlipOverTLSWithTheAuditWritten() throws {
        try withTLSServer { server, port, certs in
            let url = "rediss://localhost:\(port)"
            let list = try OpsdeckRun.run(["toggles", "list", "--url", url, "--cacert", certs.ca, "--json"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("darkMode"), "\(list.stdout)")
            let flip = try OpsdeckRun.run([
                "toggles", "set", "darkMode", "on", "--expect", "off", "--tls", "-h", "localhost",
                "-p", String(port), "--cacert", certs.ca, "--as", "ci-bot",
            ])
            #expect(flip.status == 0, "\(flip.stderr)")
            let admin = try server.connect()
            #expect(try admin.execute("HGET", "darkMode", "toggle").string == "True")
            let history = try OpsdeckRun.run(["toggles", "history", "darkMode", "--url", url, "--cacert", certs.ca, "--json"])
            #expect(history.stdout.contains("ci-bot"), "the audit entry was written over TLS: \(history.stdout)")
            let conflict = try OpsdeckRun.run(["toggles", "set", "darkMode", "on", "--expect", "off", "--url", url, "--cacert", certs.ca])
            #expect(conflict.status == 3, "compare-and-set over TLS: \(conflict.stderr)")
        }
    }

    @Test func refusalsSayWhatToDoWithTheirExitCodes() throws {
        try withTLSServer { _, port, certs in
            let url = "rediss://localhost:\(port)"
            let unknown = try OpsdeckRun.run(["toggles", "list", "--url", url])
            #expect(unknown.status == 69, "\(unknown.stderr)")
            #expect(unknown.stderr.contains("unknown CA") && unknown.stderr.contains("--cacert"), "\(unknown.stderr)")

            let insecure = try OpsdeckRun.run(["toggles", "list", "--url", url, "--insecure"])
            #expect(insecure.status == 0, "\(insecure.stderr)")
            #expect(insecure.stderr.contains("--insecure"), "an unverified run says so: \(insecure.stderr)")

            let plainFlags = try OpsdeckRun.run(["toggles", "list", "--url", "redis://localhost:\(port)", "--cacert", certs.ca])
            #expect(plainFlags.status == 64, "\(plainFlags.stderr)")
            #expect(plainFlags.stderr.contains("--tls"), "\(plainFlags.stderr)")

            let plaintext = try OpsdeckRun.run(["toggles", "list", "--url", "redis://localhost:\(port)"])
            #expect(plaintext.status == 69)
            #expect(plaintext.stderr.contains("rediss://"), "\(plaintext.stderr)")

            let missing = try OpsdeckRun.run(["toggles", "list", "--url", url, "--cacert", "/nonexistent/ca.pem"])
            #expect(missing.status == 64 && missing.stderr.contains("/nonexistent/ca.pem"), "\(missing.stderr)")
        }
    }

    @Test func mutualTLSFromAConfigContext() throws {
        try withTLSServer(clients: "yes") { _, port, certs in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-tls-cfg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let config = directory.appendingPathComponent("config.yaml").path
            try """
            current-context: managed
            contexts:
              managed:
                url: redis://localhost:\(port)
                tls:
                  cacert: \(certs.ca)
                  cert: \(certs.clientCertificate)
                  key: \(certs.clientKey)
              nocert:
                url: rediss://localhost:\(port)
                tls:
                  cacert: \(certs.ca)
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let run = try OpsdeckRun.run(["toggles", "list", "--config", config])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("darkMode"))
            let refused = try OpsdeckRun.run(["toggles", "list", "--config", config, "--context", "nocert"])
            #expect(refused.status == 69)
            #expect(refused.stderr.contains("client certificate") && refused.stderr.contains("--cert"), "\(refused.stderr)")
        }
    }
}
