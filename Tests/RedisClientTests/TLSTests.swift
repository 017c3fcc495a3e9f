import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// TLS against real servers with certificates made by the test: what verifies, what is
/// refused and how the refusal reads. Disabling verification in the code turns the refusals red.
@Suite struct TLSTests {
    /// A TLS server on a fresh port serving `certificate`, asking client certificates per `clients`.
    func withTLSServer<T>(
        certificate: String? = nil, clients: String = "no",
        _ body: (RedisServerProcess, Int) throws -> T
    ) throws -> T {
        let certs = try TestCertificates.shared()
        return try withServer(choosingPorts: {
            certs.serverArguments(port: try freeLoopbackPort(), certificate: certificate, clients: clients)
        }) { server in
            try body(server, try #require(server.tcpPort))
        }
    }

    func endpoint(_ host: String = "localhost", _ port: Int, _ settings: TLSSettings) -> RedisEndpoint {
        RedisEndpoint(address: .tcp(host: host, port: port), tls: settings)
    }

    /// The error a PING over `endpoint` fails with (nil if it worked), within `seconds`.
    func failure(_ endpoint: RedisEndpoint, seconds: Double = roomyDeadline) -> RedisError? {
        let redis = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, connectTimeout: seconds, readTimeout: seconds))
        do {
            try redis.execute("PING")
            return nil
        } catch {
            return error
        }
    }

    @Test func verifiedConnectionByNameAndByAddress() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer { _, port in
            for host in ["localhost", "127.0.0.1"] {
                let redis = RedisConnection(endpoint: endpoint(host, port, TLSSettings(caFile: certs.ca)))
                let pong = try redis.execute("PING")
                #expect(pong == .status("PONG"), "\(host)")
                #expect(redis.security?.hasPrefix("TLSv1.") == true, "\(String(describing: redis.security))")
            }
        }
    }

    @Test func unknownCAIsRefusedWithWhatToDo() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer { _, port in
            for settings in [TLSSettings(caFile: certs.otherCA), TLSSettings()] {
                let error = try #require(failure(endpoint(port: port, settings)))
                guard case .tls = error else {
                    Issue.record("expected a TLS error, got \(error)")
                    continue
                }
                #expect(error.description.contains("unknown CA"), "\(error)")
                #expect(error.description.contains("--cacert"), "\(error)")
            }
        }
    }

    @Test func insecureSkipsVerificationOnlyWhenAsked() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer(certificate: certs.wrongHostCertificate) { _, port in
            let insecure = TLSSettings(caFile: certs.otherCA, insecure: true)
            #expect(failure(endpoint(port: port, insecure)) == nil)
            #expect(failure(endpoint(port: port, TLSSettings(caFile: certs.otherCA))) != nil)
        }
    }

    @Test func hostNameMismatchIsRefusedAndSNINameFixesIt() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer(certificate: certs.wrongHostCertificate) { _, port in
            let error = try #require(failure(endpoint(port: port, TLSSettings(caFile: certs.ca))))
            #expect(error.description.contains("host-name mismatch") && error.description.contains("'localhost'"), "\(error)")
            #expect(error.description.contains("--sni"), "\(error)")
            #expect(failure(endpoint(port: port, TLSSettings(caFile: certs.ca, serverName: "cache.example"))) == nil)
        }
    }

    @Test func expiredCertificateIsRefused() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer(certificate: certs.expiredCertificate) { _, port in
            let error = try #require(failure(endpoint(port: port, TLSSettings(caFile: certs.ca))))
            #expect(error.description.contains("has expired"), "\(error)")
        }
    }

    @Test func mutualTLSNeedsTheClientCertificate() throws {
        let certs = try TestCertificates.shared()
        try withTLSServer(clients: "yes") { _, port in
            let error = try #require(failure(endpoint(port: port, TLSSettings(caFile: certs.ca))))
            #expect(error.description.contains("requires a client certificate"), "\(error)")
            #expect(error.description.contains("--cert"), "\(error)")
            let mutual = TLSSettings(caFile: certs.ca, certificateFile: certs.clientCertificate, keyFile: certs.clientKey)
            #expect(failure(endpoint(port: port, mutual)) == nil)
        }
    }

    @Test func missingCAFileSaysWhichFile() throws {
        let error = try #require(failure(endpoint(port: 1, TLSSettings(caFile: "/nonexistent/ca.pem"))))
        #expect(error.description.contains("CA certificates") && error.description.contains("/nonexistent/ca.pem"), "\(error)")
    }

    /// Both mismatches used to hang until the read timeout or reset without a word.
    @Test func plaintextAndTLSMismatchesFailFastAndSaySo() throws {
        let certs = try TestCertificates.shared()
        try withServer(transport: .tcp) { _, plain in
            let error = try #require(failure(endpoint(port: port(of: plain), TLSSettings(caFile: certs.ca))))
            #expect(!error.isTimeout, "TLS against a plaintext port is told apart, not timed out: \(error)")
            #expect(error.description.contains("plaintext port"), "\(error)")
        }
        try withTLSServer { _, port in
            let error = try #require(failure(RedisEndpoint(address: .tcp(host: "localhost", port: port))))
            #expect(!error.isTimeout, "plaintext against a TLS port is told apart, not timed out: \(error)")
            #expect(error.description.contains("rediss://"), "\(error)")
        }
    }

    func endpoint(port: Int, _ settings: TLSSettings) -> RedisEndpoint { endpoint("localhost", port, settings) }

    func port(of endpoint: RedisEndpoint) -> Int {
        if case .tcp(_, let port) = endpoint.address { return port }
        return 0
    }
}
