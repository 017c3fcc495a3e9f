import Dashboard
import Foundation
import Operations
import RedisClient

/// The status bar's server line: version (`INFO server`), a replica's master (`INFO
/// replication`) and search module, read on the first poll, on a refresh, and then at most every
/// 10 s (they change only with a restart). Not a pane's feed: the status bar belongs to the whole
/// dashboard. Owned by `DashboardSource`.
public struct ServerFeed {
    public let server: ServerInfo
    private var budget = IdleBudget(share: DashboardSource.idleBudget, minimumPeriod: 10)

    public init(server: ServerInfo) { self.server = server }

    public mutating func poll(_ context: FeedContext, into snapshot: inout DashboardSnapshot) throws(OperationsError) {
        guard context.isDue(budget) else { return }
        let started = Date()
        snapshot.server = try read(context)
        budget.record(at: started, took: Date().timeIntervalSince(started))
    }

    private func read(_ context: FeedContext) throws(OperationsError) -> ServerInfo {
        var info = server
        let env = context.env
        // `INFO replication` too (one round trip): a replica takes no flips, so the dashboard
        // says where it is connected and refuses them up front instead of failing on READONLY.
        let text = try context.permissions.run(.server) { () throws(OperationsError) in
            try env.run { redis throws(RedisError) in
                let replies = try redis.send([RedisCommand("INFO", "server"), RedisCommand("INFO", "replication")])
                return try replies.map { reply throws(RedisError) in try reply.text(of: "INFO") }.joined(separator: "\n")
            }
        }
        // The role is the server's word now, not a setting: a promoted replica takes flips again.
        info.replica = Self.replicaOf(text ?? "")
        if let role = info.replica { info.topology = info.topology ?? role }
        for line in (text ?? "").split(whereSeparator: \.isNewline) {
            if line.hasPrefix("valkey_version:") {
                info.version = "valkey " + line.dropFirst("valkey_version:".count)
                break
            }
            if line.hasPrefix("redis_version:") { info.version = String(line.dropFirst("redis_version:".count)) }
        }
        let found = try context.permissions.run(.searchModule) { () throws(OperationsError) in
            try context.searchModule.redetect(env)
        }
        guard let found else {
            info.searchModule = "search: unknown (not permitted)"
            return info
        }
        switch found.generation {
        case .v1: info.searchModule = "RediSearch 1.x"
        case .v2: info.searchModule = "RediSearch 2.x"
        case .none: info.searchModule = "no search module"
        }
        return info
    }

    /// "replica of host:port" (or "replica") when `INFO replication` says `role:slave`; nil otherwise.
    static func replicaOf(_ info: String) -> String? { ReplicaRole.describe(info) }
}
