import Foundation
import LocalRedis
import RedisClient

/// Starts a private server for one test and stops it when the body returns, whatever happens.
/// A missing `redis-server` (or module) throws an error that names the package to install, so the
/// test fails loudly instead of being skipped.
public func withServer<T>(
    _ flavor: ServerFlavor = .plain,
    extraArguments: [String] = [],
    _ body: (RedisServerProcess) throws -> T
) throws -> T {
    let server = try RedisServerProcess(flavor: flavor, extraArguments: extraArguments)
    defer { server.stop() }
    return try body(server)
}

/// Like `withServer`, for a server that also listens on TCP ports `arguments` names (e.g.
/// `["--port", String(try freeLoopbackPort())]`): `arguments` is asked again, for fresh ports,
/// when a chosen port was taken before the server bound it. The body runs once.
public func withServer<T>(
    _ flavor: ServerFlavor = .plain,
    choosingPorts arguments: () throws -> [String],
    _ body: (RedisServerProcess) throws -> T
) throws -> T {
    let server = try retryingTakenPorts { try RedisServerProcess(flavor: flavor, extraArguments: try arguments()) }
    defer { server.stop() }
    return try body(server)
}

/// Like `withServer`, also handing the body a connection to it.
public func withConnection<T>(
    _ flavor: ServerFlavor = .plain,
    _ body: (RedisConnection, RedisServerProcess) throws -> T
) throws -> T {
    try withServer(flavor) { server in
        let connection = try server.connect()
        defer { connection.close() }
        return try body(connection, server)
    }
}
