import Foundation
import LocalRedis

#if canImport(Glibc)
    import Glibc
#endif

/// Certificates for TLS tests, made with the `openssl` command once per test process in a
/// temporary directory (removed at exit): a CA; a server certificate it signed for `localhost`
/// and 127.0.0.1; the same signed for another name only; an expired one; a client certificate
/// for mutual TLS; and a second, unrelated CA that trusts none of them.
///
/// Thread-safe: `shared()` makes them once under a lock; the value is immutable.
public final class TestCertificates: Sendable {
    public let directory: String
    public func path(_ name: String) -> String { directory + "/" + name }
    public var ca: String { path("ca.pem") }
    public var otherCA: String { path("other-ca.pem") }
    public var serverCertificate: String { path("server.pem") }
    public var serverKey: String { path("server.key") }
    public var wrongHostCertificate: String { path("wrong-host.pem") }
    public var expiredCertificate: String { path("expired.pem") }
    public var clientCertificate: String { path("client.pem") }
    public var clientKey: String { path("client.key") }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: Result<TestCertificates, Error>?
    nonisolated(unsafe) private static var madeDirectory: UnsafeMutablePointer<CChar>?

    /// The process's certificates, made on first use; a missing `openssl` fails with what to install.
    public static func shared() throws -> TestCertificates {
        lock.lock()
        defer { lock.unlock() }
        if made == nil { made = Result { try TestCertificates() } }
        return try made!.get()
    }

    private init() throws {
        guard let openssl = ChildProcess.findExecutable("openssl") else {
            throw OpsdeckRun.Failure(description: "the openssl command is missing: apt-get install openssl (scripts/setup test)")
        }
        var template = Array("/tmp/opsdeck-certs-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw OpsdeckRun.Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
        Self.madeDirectory = strdup(made)
        atexit {
            if let directory = TestCertificates.madeDirectory {
                try? FileManager.default.removeItem(atPath: String(cString: directory))
            }
        }
        func run(_ arguments: [String]) throws {
            let child = try ChildProcess(path: openssl, arguments: arguments)
            guard child.wait() == 0 else {
                throw OpsdeckRun.Failure(description: "openssl \(arguments.prefix(2).joined(separator: " ")) failed in \(directory)")
            }
        }
        func authority(_ name: String, _ subject: String) throws {
            try run([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(subject)",
                "-keyout", path("\(name).key"), "-out", path("\(name).pem"),
            ])
        }
        /// A certificate for `key` signed by `ca`, valid for `days` (-1: already expired).
        func signed(_ name: String, key: String, subject: String, names: String?, days: Int, client: Bool = false) throws {
            if !FileManager.default.fileExists(atPath: path("\(key).key")) {
                try run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path("\(key).key")])
            }
            try run(["req", "-new", "-key", path("\(key).key"), "-subj", "/CN=\(subject)", "-out", path("\(name).csr")])
            var extensions = client ? "extendedKeyUsage=clientAuth\n" : "extendedKeyUsage=serverAuth\n"
            if let names { extensions += "subjectAltName=\(names)\n" }
            try extensions.write(toFile: path("\(name).ext"), atomically: true, encoding: .utf8)
            try run([
                "x509", "-req", "-in", path("\(name).csr"), "-CA", ca, "-CAkey", path("ca.key"),
                "-CAcreateserial", "-days", String(days), "-extfile", path("\(name).ext"), "-out", path("\(name).pem"),
            ])
        }
        try authority("ca", "opsdeck test CA")
        try authority("other-ca", "someone else's CA")
        try signed("server", key: "server", subject: "localhost", names: "DNS:localhost,IP:127.0.0.1", days: 2)
        try signed("wrong-host", key: "server", subject: "cache.example", names: "DNS:cache.example", days: 2)
        try signed("expired", key: "server", subject: "localhost", names: "DNS:localhost,IP:127.0.0.1", days: -1)
        try signed("client", key: "client", subject: "oncall", names: nil, days: 2, client: true)
    }

    /// redis-server arguments for a TLS listener on `port` serving `certificate` (with the
    /// server key), trusting this CA for client certificates.
    public func serverArguments(port: Int, certificate: String? = nil, clients: String = "no") -> [String] {
        [
            "--tls-port", String(port), "--tls-cert-file", certificate ?? serverCertificate, "--tls-key-file", serverKey,
            "--tls-ca-cert-file", ca, "--tls-auth-clients", clients,
        ]
    }
}
