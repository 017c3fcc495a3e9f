import Foundation
import LocalRedis
import RedisClient

/// How a test reaches its server: the Unix socket every test server has, plain TCP, or TLS
/// (verified against the test CA). Client tests run on each (`@Test(arguments: TestTransport.allCases)`).
public enum TestTransport: String, CaseIterable, Sendable, CustomStringConvertible {
    case unix, tcp, tls

    public var description: String { rawValue }

    /// Extra redis-server arguments for this transport's listener (a fresh loopback port).
    public func serverArguments() throws -> [String] {
        switch self {
        case .unix: return []
        case .tcp: return ["--port", String(try freeLoopbackPort())]
        case .tls: return try TestCertificates.shared().serverArguments(port: try freeLoopbackPort())
        }
    }

    /// The endpoint of `server` over this transport, with its password if it has one.
    public func endpoint(of server: RedisServerProcess) throws -> RedisEndpoint {
        var endpoint = server.endpoint
        switch self {
        case .unix:
            break
        case .tcp:
            endpoint.address = .tcp(host: "127.0.0.1", port: Int(server.argument("--port") ?? "") ?? 0)
        case .tls:
            endpoint.address = .tcp(host: "localhost", port: Int(server.argument("--tls-port") ?? "") ?? 0)
            endpoint.tls = TLSSettings(caFile: try TestCertificates.shared().ca)
        }
        return endpoint
    }
}

/// Like `withServer`, listening on `transport` too; the body gets the server and its endpoint
/// over that transport.
public func withServer<T>(
    _ flavor: ServerFlavor = .plain,
    transport: TestTransport,
    extraArguments: [String] = [],
    _ body: (RedisServerProcess, RedisEndpoint) throws -> T
) throws -> T {
    try withServer(flavor, choosingPorts: { try transport.serverArguments() + extraArguments }) { server in
        try body(server, try transport.endpoint(of: server))
    }
}

/// Like `withConnection`, over `transport`.
public func withConnection<T>(
    _ flavor: ServerFlavor = .plain,
    transport: TestTransport,
    _ body: (RedisConnection, RedisServerProcess) throws -> T
) throws -> T {
    try withServer(flavor, transport: transport) { server, endpoint in
        let connection = RedisConnection(options: RedisConnectionOptions(endpoint: endpoint, readTimeout: 10))
        try connection.connect()
        defer { connection.close() }
        return try body(connection, server)
    }
}
