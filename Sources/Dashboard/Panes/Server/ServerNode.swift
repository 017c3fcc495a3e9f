/// One Redis server as the Server pane shows it (a cluster's master, the master behind
/// Sentinel, or the one server): what an on-call engineer checks when Redis is the suspect.
/// Every number is nil when the server did not say (or the ACL refused `INFO`). A plain value,
/// made by the Server pane's feed.
public struct ServerNode: Hashable, Sendable {
    /// Where it is, e.g. "127.0.0.1:30001".
    public var address: String
    /// "master" or "replica" (INFO's `slave` said as "replica").
    public var role: String
    public var opsPerSecond: Int?
    public var usedMemory: Int?
    /// 0: no limit.
    public var maxMemory: Int?
    public var evictionPolicy: String?
    public var evictedKeys: Int?
    public var expiredKeys: Int?
    /// Keyspace hits over hits and misses since the previous read (since the start on the
    /// first read); nil when there were none.
    public var hitRatio: Double?
    public var connectedClients: Int?
    public var blockedClients: Int?
    /// A master's replicas, e.g. "127.0.0.1:30004 online · lag 0s".
    public var replicas: [String] = []
    /// A replica's link to its master, e.g. "of 127.0.0.1:6379 · link up · last I/O 1s".
    public var upstream: String?

    public init(address: String, role: String = "master") {
        self.address = address
        self.role = role
    }
}
