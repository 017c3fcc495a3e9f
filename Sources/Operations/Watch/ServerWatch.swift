import Foundation
import RedisClient

/// The server half of `opsdeck watch` (issue 24): the server stopped answering and answered
/// again, its replication role changed (`ROLE`: a master demoted by `REPLICAOF`, a replica
/// promoted), and, behind Sentinels, a failover (the link's own events: the master moved).
///
/// `unreachable` is reported once per outage, `reachable` once when it ends; the first role
/// read only learns it. A role the ACL refuses to tell is not reported, and is no failure. Owned
/// by one loop; not thread-safe.
public struct ServerWatch {
    /// The role at the last read; nil before the first (or when refused).
    private var role: String?
    private var down = false

    public init() {}

    /// After a step that reached the server: `reachable` if it was down, a role change, the
    /// link's failovers. A lost connection here fails as any read.
    public mutating func reached(_ env: OpsEnvironment) throws(OperationsError) -> [WatchEvent] {
        let time = AsctimeTimestamp.iso8601(env.now())
        var events: [WatchEvent] = []
        if down { events.append(WatchEvent(kind: .reachable, time: time, toggle: nil, detail: Self.summary(env))) }
        down = false
        for moved in (env.redis as? any RedisLink)?.takeEvents() ?? [] {
            events.append(WatchEvent(kind: .failover, time: time, toggle: nil, detail: moved))
        }
        let now: String?
        do {
            now = try env.redis.execute("ROLE").array?.first?.string
        } catch {
            if error.isConnectionFailure { throw .redis(error) }
            now = nil
        }
        if let now, let role, now != role {
            events.append(WatchEvent(kind: .role, time: time, toggle: nil, old: role, new: now, detail: Self.summary(env)))
        }
        if let now { role = now }
        return events
    }

    /// After a step that failed to reach the server: `unreachable`, once per outage.
    public mutating func failed(_ error: OperationsError, at date: Date) -> [WatchEvent] {
        guard !down else { return [] }
        down = true
        return [WatchEvent(kind: .unreachable, time: AsctimeTimestamp.iso8601(date), toggle: nil, detail: error.description)]
    }

    private static func summary(_ env: OpsEnvironment) -> String? {
        (env.redis as? any RedisLink).map { $0.shape ?? $0.summary }
    }
}
