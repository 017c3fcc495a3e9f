import Dashboard
import Foundation
import Operations
import RedisClient

/// The Server pane's feed: on every server of its database (each master of a cluster, the
/// master behind Sentinel, the one server) `INFO`, and on a cluster `CLUSTER NODES` (which
/// node answered) and `CLUSTER INFO` once; the newest slow-log entries (`SLOWLOG GET`, command
/// names only: arguments are counted, never kept); and the other dashboards (`CLIENT LIST`,
/// names `opsdeck:…`, without this dashboard's connections: `CLIENT GETNAME`). Read-only. Reads at most every
/// 2 s and within the idle budget; each of the three parts degrades on its own when the ACL
/// refuses it (a `+@read` user has none of them). Runs on every database when the kinds are
/// split. Owned by `DashboardSource`, on the poller's queue.
public struct ServerPaneFeed: PaneFeed {
    /// Slow-log entries read per server.
    public static let slowLogLength = 5
    /// Which database this source reads when the kinds are split ("toggles, sessions"); "".
    public let database: String
    /// What the connection goes to (`ServerInfo.endpoint`), the name of a server that is not
    /// a cluster node.
    public let endpoint: String
    private var budget = IdleBudget(share: DashboardSource.idleBudget, minimumPeriod: 2)
    /// Each server's lookups at the previous read, for the hit ratio since then.
    private var lookups: [String: (hits: Int, misses: Int)] = [:]

    public init(database: String = "", endpoint: String) {
        self.database = database
        self.endpoint = endpoint
    }

    public var kind: DataKind? { nil }

    public mutating func poll(_ context: FeedContext, into part: inout ServerPart) throws(OperationsError) {
        guard context.isDue(budget) else { return }
        let started = Date()
        defer { budget.record(at: started, took: Date().timeIntervalSince(started)) }
        let env = context.env
        let targets = try env.run { redis throws(RedisError) in try redis.scanTargets() }
        part.database = database
        part.checked = true
        var health: ClusterHealth?
        part.nodes = try Self.guarded(.serverStats, context, &part) { () throws(OperationsError) in
            var nodes: [ServerNode] = []
            for (index, target) in targets.enumerated() {
                let (node, cluster) = try read(target, first: index == 0)
                nodes.append(node)
                if let cluster { health = cluster }
            }
            return nodes
        }
        part.cluster = health
        let names = part.nodes?.map(\.address) ?? targets.indices.map { "server \($0 + 1)" }
        part.slowLog = try Self.guarded(.slowLog, context, &part) { () throws(OperationsError) in
            var entries: [SlowEntry] = []
            for (target, name) in zip(targets, names) { entries += try Self.slowLog(target, server: name) }
            return entries.sorted { ($0.time, $0.id) > ($1.time, $1.id) }
        }
        part.peers = try Self.guarded(.clientList, context, &part) { () throws(OperationsError) in
            var peers: [Peer] = []
            for target in targets { peers += try Self.peers(target) }
            return Self.merged(peers)
        }
    }

    /// Runs one part: a refusal by the ACL is the ledger's (`notPermitted`); any other error
    /// but the connection's is this part's failure, said in its place, so a server that renamed
    /// `SLOWLOG` away still shows its numbers and the other panes never stop for this one.
    private static func guarded<T>(
        _ which: DataPart, _ context: FeedContext, _ part: inout ServerPart,
        _ body: () throws(OperationsError) -> T
    ) throws(OperationsError) -> T? {
        do {
            return try context.permissions.run(which, body)
        } catch {
            if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
            part.failures[which] = error.description
            return nil
        }
    }

    /// One server's INFO (and on a cluster its address, and from the first the cluster's verdict).
    private mutating func read(_ target: any RedisCommandSender, first: Bool) throws(OperationsError) -> (ServerNode, ClusterHealth?) {
        let info = InfoFields(try Self.text(target, "INFO"))
        var address = endpoint
        var cluster: ClusterHealth?
        if info.isCluster {
            let nodes = try Self.text(target, "CLUSTER", "NODES")
            if let me = nodes.split(whereSeparator: \.isNewline).first(where: { $0.contains("myself") }) {
                let field = me.split(separator: " ").dropFirst().first.map(String.init) ?? endpoint
                address = String(field.split(separator: "@").first ?? Substring(field))
            }
            if first { cluster = Self.cluster(InfoFields(try Self.text(target, "CLUSTER", "INFO"))) }
        } else if let local = Self.serverAddress(target) {
            address = local
        } else if let port = info["tcp_port"], port != "0", !endpoint.hasSuffix(":" + port) {
            address += " (port \(port))"
        }
        var node = info.node(address: address)
        if let now = info.lookups {
            let before = lookups[address].flatMap { $0.hits <= now.hits && $0.misses <= now.misses ? $0 : nil } ?? (hits: 0, misses: 0)
            let hits = now.hits - before.hits, total = hits + now.misses - before.misses
            node.hitRatio = total > 0 ? Double(hits) / Double(total) : nil
            lookups[address] = now
        }
        return (node, cluster)
    }

    /// The address the server answers on, as the server sees this connection (`CLIENT INFO`'s
    /// `laddr`): behind Sentinel the endpoint names the Sentinels, not the master. Nil when
    /// refused (ACL) or too old a server (before 6.2).
    private static func serverAddress(_ target: any RedisCommandSender) -> String? {
        guard let line = (try? target.execute("CLIENT", "INFO"))?.string,
            let field = line.split(separator: " ").first(where: { $0.hasPrefix("laddr=") })
        else { return nil }
        let address = field.dropFirst("laddr=".count)
        // A Unix socket's laddr is "<path>:0".
        return String(address.hasPrefix("/") && address.hasSuffix(":0") ? address.dropLast(2) : address)
    }

    private static func cluster(_ info: InfoFields) -> ClusterHealth {
        ClusterHealth(
            state: info["cluster_state"] ?? "?", slotsAssigned: info.int("cluster_slots_assigned") ?? 0,
            slotsOK: info.int("cluster_slots_ok") ?? 0, slotsPFail: info.int("cluster_slots_pfail") ?? 0,
            slotsFail: info.int("cluster_slots_fail") ?? 0, knownNodes: info.int("cluster_known_nodes") ?? 0)
    }

    /// The newest entries: id, unix time, microseconds, then the arguments, of which only the
    /// command's name is kept (Redis may end a long list with "... (N more arguments)").
    public static func slowLog(_ target: any RedisCommandSender, server: String) throws(OperationsError) -> [SlowEntry] {
        let reply = try run(target) { redis throws(RedisError) in try redis.execute("SLOWLOG", "GET", slowLogLength) }
        return (reply.array ?? []).compactMap { entry -> SlowEntry? in
            guard let fields = entry.array, fields.count >= 4, let id = fields[0].int, let time = fields[1].int,
                let micros = fields[2].int, let args = fields[3].array, let name = args.first?.string
            else { return nil }
            var count = args.count - 1
            if let last = args.last?.string, last.hasPrefix("... ("), let more = last.split(separator: " ").dropFirst().first {
                count += (Int(more.dropFirst()) ?? 0) - 1
            }
            return SlowEntry(
                id: Int(id), time: Date(timeIntervalSince1970: Double(time)), micros: Int(micros),
                command: name.uppercased(), argumentCount: max(0, count), server: server)
        }
    }

    /// The dashboards connected to `target`, without this one (every connection named with
    /// this connection's instance, `CLIENT GETNAME`).
    public static func peers(_ target: any RedisCommandSender) throws(OperationsError) -> [Peer] {
        let replies = try run(target) { redis throws(RedisError) in
            try redis.send([RedisCommand("CLIENT", "GETNAME"), RedisCommand("CLIENT", "LIST")])
        }
        guard replies.count == 2 else { return [] }
        let mine = try run(target) { _ throws(RedisError) in try replies[0].throwingOnError() }.string.flatMap(ClientName.parse)
        let list = try run(target) { _ throws(RedisError) in try replies[1].throwingOnError().text(of: "CLIENT LIST") }
        return list.split(whereSeparator: \.isNewline).compactMap { line -> Peer? in
            var fields: [Substring: Substring] = [:]
            for pair in line.split(separator: " ") {
                guard let eq = pair.firstIndex(of: "=") else { continue }
                fields[pair[..<eq]] = pair[pair.index(after: eq)...]
            }
            guard let name = fields["name"], let parsed = ClientName.parse(String(name)) else { return nil }
            if let mine, mine.who == parsed.who, mine.instance == parsed.instance { return nil }
            return Peer(
                who: parsed.who, instance: parsed.instance, flipping: parsed.flipping,
                address: String(fields["addr"] ?? "?"), idle: fields["idle"].flatMap { Int($0) } ?? 0)
        }
    }

    /// One entry per dashboard: a cluster client holds a connection per node, and only one of
    /// them carries "flipping" (the one the rename went through).
    static func merged(_ peers: [Peer]) -> [Peer] {
        var byDashboard: [String: Peer] = [:]
        var order: [String] = []
        for peer in peers {
            let key = peer.who + "\u{0}" + peer.instance
            guard var kept = byDashboard[key] else {
                byDashboard[key] = peer
                order.append(key)
                continue
            }
            kept.flipping = kept.flipping ?? peer.flipping
            kept.idle = min(kept.idle, peer.idle)
            byDashboard[key] = kept
        }
        return order.compactMap { byDashboard[$0] }
    }

    private static func text(_ target: any RedisCommandSender, _ args: String...) throws(OperationsError) -> String {
        let command = RedisCommand(args[0], Array(args.dropFirst()))
        return try run(target) { redis throws(RedisError) in try redis.execute(command).text(of: args.joined(separator: " ")) }
    }

    private static func run<T>(
        _ target: any RedisCommandSender,
        _ body: (any RedisCommandSender) throws(RedisError) -> T
    ) throws(OperationsError) -> T {
        do { return try body(target) } catch { throw .redis(error) }
    }
}
