import Foundation
import LocalRedis
import RedisClient

/// The demo's private Redis: Debian's RediSearch 1.x module when installed, otherwise a plain
/// server (the dashboard then says errors are searched client-side). Lives in a fresh temporary
/// directory on a Unix socket; `stop()` (or deinit) stops it and removes the directory.
///
/// Owned by the main thread of `opsdeck demo`; its `endpoint` value may be used anywhere.
public final class DemoServer {
    public let process: RedisServerProcess
    /// Why the server runs without a search module, if it does.
    public let searchNote: String?

    public init() throws {
        do {
            process = try RedisServerProcess(flavor: .search1)
            searchNote = nil
        } catch let error as LocalRedisError {
            if case .missing(let what, _) = error, what.contains("RediSearch") {
                process = try RedisServerProcess(flavor: .plain)
                searchNote = "RediSearch is not installed (apt-get install redis-redisearch): errors are searched client-side."
            } else {
                throw error
            }
        }
    }

    public var endpoint: RedisEndpoint { process.endpoint }

    /// Stops the server and removes its temporary directory.
    public func stop() { process.shutdown() }
}
