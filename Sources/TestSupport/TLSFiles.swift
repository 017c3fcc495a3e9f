import Foundation
import LocalRedis

/// A throwaway certificate authority-less server certificate (self-signed, SAN `localhost` and
/// `127.0.0.1`) made with the `openssl` command in a temporary directory, and a free loopback
/// port for a TLS listener. Owned by the test that made it; `remove()` deletes the files.
public struct TLSFiles {
    public let directory: URL
    public var certificate: String { directory.appendingPathComponent("cert.pem").path }
    public var key: String { directory.appendingPathComponent("key.pem").path }

    public init() throws {
        guard let openssl = ChildProcess.findExecutable("openssl") else {
            throw OpsdeckRun.Failure(description: "the openssl command is missing: apt-get install openssl")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let child = try ChildProcess(path: openssl, arguments: [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-keyout", directory.appendingPathComponent("key.pem").path,
            "-out", directory.appendingPathComponent("cert.pem").path,
        ])
        guard child.wait() == 0 else {
            throw OpsdeckRun.Failure(description: "openssl could not make a test certificate in \(directory.path)")
        }
    }

    /// redis-server arguments for a TLS-only listener on `port`.
    public func serverArguments(port: Int) -> [String] {
        ["--tls-port", String(port), "--tls-cert-file", certificate, "--tls-key-file", key,
         "--tls-ca-cert-file", certificate, "--tls-auth-clients", "no"]
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    /// A loopback port the OS just had free (bound, read, closed: the usual small race).
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw OpsdeckRun.Failure(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw OpsdeckRun.Failure(description: "could not bind a loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
