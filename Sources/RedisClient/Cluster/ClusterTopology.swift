/// Which master owns each of the 16,384 slots, read from `CLUSTER SHARDS` (Redis 7+) or
/// `CLUSTER SLOTS` (older servers). A value; `ClusterLink` replaces it whole on a refresh.
public struct ClusterTopology: Sendable, Equatable {
    /// The masters that own slots, in the order the cluster listed them.
    public private(set) var masters: [NodeAddress] = []
    /// The owner of each slot as an index into `masters`; `unowned` where no master serves it.
    private var owners = [UInt16](repeating: unowned, count: HashSlot.count)
    private static let unowned = UInt16.max

    public init() {}

    /// The master serving `slot`, nil when none does (a cluster that lost a master and has no
    /// replica to promote).
    public func owner(of slot: Int) -> NodeAddress? {
        let index = owners[slot]
        return index == Self.unowned ? nil : masters[Int(index)]
    }

    /// How many slots `node` serves.
    public func slots(of node: NodeAddress) -> Int {
        guard let index = masters.firstIndex(of: node) else { return 0 }
        return owners.lazy.filter { Int($0) == index }.count
    }

    /// The index in `masters` of the master serving `slot`, nil when none does.
    public func ownerIndex(of slot: Int) -> Int? {
        let index = owners[slot]
        return index == Self.unowned ? nil : Int(index)
    }

    /// Slots no master serves: data there cannot be read, and saying "complete" would be false.
    public var unownedSlots: Int { owners.lazy.filter { $0 == Self.unowned }.count }

    /// Moves one slot to `node` (a `MOVED` reply), adding the node if it is new.
    public mutating func assign(slot: Int, to node: NodeAddress) {
        owners[slot] = index(of: node)
    }

    private mutating func assign(_ range: ClosedRange<Int>, to node: NodeAddress) {
        let index = index(of: node)
        for slot in range where (0..<HashSlot.count).contains(slot) { owners[slot] = index }
    }

    private mutating func index(of node: NodeAddress) -> UInt16 {
        if let found = masters.firstIndex(of: node) { return UInt16(found) }
        masters.append(node)
        return UInt16(masters.count - 1)
    }

    /// Parses `CLUSTER SHARDS`: per shard, `slots` (start, end pairs) and `nodes` (maps with
    /// `endpoint`/`ip`, `port`/`tls-port`, `role`). `fallbackHost` stands for a node announced
    /// without an address ("?" or empty: the one we asked). Returns nil for another shape.
    public static func fromShards(_ reply: RedisValue, fallbackHost: String, tls: Bool) -> ClusterTopology? {
        guard let shards = reply.array else { return nil }
        var topology = ClusterTopology()
        for shard in shards {
            guard let fields = map(shard), let slots = fields["slots"]?.array, let nodes = fields["nodes"]?.array else { return nil }
            let master = nodes.compactMap(map).first { $0["role"]?.string == "master" }
            guard let master, let node = node(master, fallbackHost: fallbackHost, tls: tls) else { continue }
            var bounds = slots.compactMap(\.int).map(Int.init)[...]
            while bounds.count >= 2 {
                let start = bounds.removeFirst(), end = bounds.removeFirst()
                if start <= end { topology.assign(start...end, to: node) }
            }
        }
        return topology
    }

    /// Parses `CLUSTER SLOTS`: `[start, end, [host, port, id, …], replicas…]` per range.
    public static func fromSlots(_ reply: RedisValue, fallbackHost: String) -> ClusterTopology? {
        guard let ranges = reply.array else { return nil }
        var topology = ClusterTopology()
        for range in ranges {
            guard let parts = range.array, parts.count >= 3, let start = parts[0].int, let end = parts[1].int,
                let master = parts[2].array, master.count >= 2, let port = master[1].int
            else { return nil }
            let host = announced(master[0].string, fallback: fallbackHost)
            if start <= end { topology.assign(Int(start)...Int(end), to: NodeAddress(host: host, port: Int(port))) }
        }
        return topology
    }

    private static func node(_ fields: [String: RedisValue], fallbackHost: String, tls: Bool) -> NodeAddress? {
        let port = (tls ? fields["tls-port"]?.int : nil) ?? fields["port"]?.int
        guard let port, port > 0 else { return nil }
        let host = announced(fields["endpoint"]?.string ?? fields["ip"]?.string, fallback: fallbackHost)
        return NodeAddress(host: host, port: Int(port))
    }

    private static func announced(_ host: String?, fallback: String) -> String {
        guard let host, !host.isEmpty, host != "?" else { return fallback }
        return host
    }

    /// A RESP2 flat array of alternating names and values (or a RESP3 map) as a dictionary.
    private static func map(_ value: RedisValue) -> [String: RedisValue]? {
        guard let items = value.array, items.count % 2 == 0 else { return nil }
        var fields: [String: RedisValue] = [:]
        for pair in stride(from: 0, to: items.count, by: 2) {
            guard let name = items[pair].string else { return nil }
            fields[name] = items[pair + 1]
        }
        return fields
    }
}
