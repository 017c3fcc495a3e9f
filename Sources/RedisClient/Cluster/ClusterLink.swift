#if canImport(Glibc)
    import Glibc
#endif

/// A link to a Redis Cluster, or to a server that might be one: it asks on connect
/// (`INFO cluster` → `cluster_enabled:1`, or because the user said `--cluster`), and a `MOVED`
/// reply at any time turns cluster routing on. A standalone server costs one `INFO` per connect
/// and nothing per command.
///
/// On a cluster every command goes to the master that owns its key's slot (`CommandRoute`); a
/// pipeline is split per node, each part sent as one pipeline, and the replies put back in the
/// caller's order. `MOVED` updates the slot map, retries at the new owner and re-reads the whole
/// topology before the next call; `ASK` (a slot being migrated) sends `ASKING` and the command
/// to the node named, for that command only. A node that fails (a failover) makes the next call
/// re-read the topology from any node that answers. `DBSIZE` is summed over the masters; a
/// keyspace walk visits each master (`scanTargets`).
///
/// Ownership and threading: like `RedisConnection`, not thread-safe; one thread or serial queue
/// owns the link and every node connection it opens.
public final class ClusterLink: RedisLink {
    public let options: RedisConnectionOptions
    let seed: RedisConnection
    enum Mode { case unknown, standalone, cluster }
    var mode = Mode.unknown
    var topology = ClusterTopology()
    var nodes: [NodeAddress: RedisConnection] = [:]
    /// Re-read the topology before the next command (after a MOVED or a node failure).
    var topologyStale = false
    var events: [String] = []
    var failure: RedisError?
    /// Redirections followed for one command before giving up (a cluster mid-resharding settles
    /// in one or two).
    private static let maxRedirections = 5

    public init(options: RedisConnectionOptions) {
        self.options = options
        seed = RedisConnection(options: options)
    }

    // MARK: RedisLink

    public func connect() throws(RedisError) {
        try seed.connect()
        if mode == .unknown { try detect() }
    }

    public func close() {
        seed.close()
        for node in nodes.values { node.close() }
        // The next call asks again: the server behind the address may have changed.
        if mode == .cluster { topologyStale = true }
    }

    public func allowImmediateRetry() {
        seed.allowImmediateRetry()
        for node in nodes.values { node.allowImmediateRetry() }
    }

    public var isConnected: Bool { seed.isConnected || nodes.values.contains { $0.isConnected } }
    public var lastFailure: RedisError? { mode == .cluster ? failure : seed.lastFailure }
    public var security: String? { seed.security ?? nodes.values.lazy.compactMap(\.security).first }

    /// Whether commands are being routed across a cluster's nodes.
    public var isCluster: Bool { mode == .cluster }

    /// The masters of the last topology read (empty until a cluster is seen).
    public var masters: [NodeAddress] { mode == .cluster ? topology.masters : [] }

    public var shape: String? {
        guard mode == .cluster else { return nil }
        return "cluster · \(topology.masters.count) master\(topology.masters.count == 1 ? "" : "s")"
    }

    public var summary: String {
        guard mode == .cluster else { return seed.summary }
        let count = topology.masters.count
        return "cluster · \(count) master\(count == 1 ? "" : "s") via \(seed.summary)"
    }

    public var setupCommands: [RedisCommand] {
        get { seed.setupCommands }
        set { seed.setupCommands = newValue }
    }

    public var setupRefusal: String? {
        mode == .cluster && !seed.setupCommands.isEmpty ? Self.trackingRefusal : seed.setupRefusal
    }

    /// Client tracking is per node and redirected per node; opsdeck follows one server's
    /// invalidations, so on a cluster it polls (and says so).
    static let trackingRefusal = "cluster"

    @discardableResult
    public func applySetup() throws(RedisError) -> String? {
        if mode == .unknown { try detect() }
        if mode == .cluster { return setupCommands.isEmpty ? nil : Self.trackingRefusal }
        return try seed.applySetup()
    }

    public func takeEvents() -> [String] {
        defer { events = [] }
        return events
    }

    // MARK: Sending

    @discardableResult
    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        try send(commands) { _, reply in reply.value }
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        if commands.isEmpty { return [] }
        if mode == .unknown { try detect() }
        if mode == .standalone {
            // The common case pays nothing but a look at error replies, for a MOVED (someone
            // made the server a cluster node): those are routed again and their places filled.
            var redirects: [(index: Int, redirect: ClusterRedirect)] = []
            var replies = try seed.send(commands) { index, reply -> T in
                if reply.isError, let redirect = ClusterRedirect(reply.value.errorMessage ?? "") { redirects.append((index, redirect)) }
                return transform(index, reply)
            }
            if redirects.isEmpty { return replies }
            mode = .cluster
            events.append("the server at \(seed.summary) is part of a cluster: routing by slot")
            try refreshTopology()
            var targets: [Target] = []
            let pending = redirects.map { (index: $0.index, target: Self.number(of: target(for: $0.redirect), in: &targets)) }
            try deliver(commands, transform, pending, targets: &targets) { index, value in replies[index] = value }
            return replies
        }
        if topologyStale { try refreshTopology() }
        var targets = topology.masters.map { Target(node: $0, asking: false) }
        let owners = try route(commands)
        let results = ReplySlots<T>(count: commands.count)
        var pending: [(index: Int, target: Int)] = []
        pending.reserveCapacity(commands.count)
        for index in commands.indices {
            if owners[index] == Self.everyMaster {
                results.put(transform(index, ReplyView(value: try summedOverMasters(commands[index]))), at: index)
            } else {
                pending.append((index, owners[index]))
            }
        }
        try deliver(commands, transform, pending, targets: &targets) { index, value in results.put(value, at: index) }
        return results.array()
    }

    /// The generic path with nothing returned, specialised here (see `RedisCommandSender`). A
    /// MOVED or ASK reply is not handed over: the link follows it and hands over the reply of
    /// the node that serves the key (the generic path replaces it in the result instead).
    public func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        _ = try send(
            commands,
            decoding: { index, reply in
                if reply.isError, ClusterRedirect(reply.value.errorMessage ?? "") != nil { return }
                body(index, reply)
            })
    }

    /// Where one command goes next: a node, and whether `ASKING` must precede it.
    private struct Target: Equatable {
        let node: NodeAddress
        let asking: Bool
    }

    private static func number(of target: Target, in targets: inout [Target]) -> Int {
        if let known = targets.firstIndex(of: target) { return known }
        targets.append(target)
        return targets.count - 1
    }

    /// Sends each pending command to its target (an index into `targets`) and hands each reply
    /// to `store`, following redirections. Every node's part is written before any is read, so
    /// the nodes work at the same time; within a node the caller's order is kept.
    private func deliver<T>(
        _ commands: [RedisCommand], _ transform: (Int, ReplyView) -> T, _ pending: [(index: Int, target: Int)],
        targets: inout [Target], store: (Int, T) -> Void
    ) throws(RedisError) {
        var pending = pending
        var rounds = 0
        while !pending.isEmpty {
            rounds += 1
            guard rounds <= Self.maxRedirections + 1 else {
                throw .server(message: "the cluster kept redirecting (\(Self.maxRedirections) times); is it being resharded?")
            }
            var groups = [[Int]](repeating: [], count: targets.count)
            for item in pending { groups[item.target].append(item.index) }
            let parts = groups.indices.filter { !groups[$0].isEmpty }
            var next: [(index: Int, target: Int)] = []
            // Parts written and not yet read: on a failure their replies would be read by the
            // next call, so those connections are closed.
            var unread: [Int] = []
            var redirected: [(index: Int, redirect: ClusterRedirect, from: NodeAddress)] = []
            func take(_ part: Int, _ position: Int, _ reply: ReplyView) {
                let index = groups[part][position]
                if reply.isError, let redirect = ClusterRedirect(reply.value.errorMessage ?? "") {
                    redirected.append((index, redirect, targets[part].node))
                } else {
                    store(index, transform(index, reply))
                }
            }
            do {
                for part in parts {
                    try writePart(groups[part].map { commands[$0] }, to: targets[part])
                    unread.append(part)
                }
                // Whichever node has replies is read first, so decoding one part overlaps the
                // other nodes' work. Over TLS (replies can wait inside OpenSSL, unseen by poll)
                // or with ASKING, one part after another.
                let interleave =
                    parts.count > 1
                    && parts.allSatisfy {
                        !targets[$0].asking && connection(to: targets[$0].node).waitableDescriptor != nil
                    }
                if interleave {
                    var taken = [Int](repeating: 0, count: targets.count)
                    while !unread.isEmpty {
                        var progressed = false
                        for part in unread {
                            let node = targets[part].node, count = groups[part].count, from = taken[part]
                            let got = try noting(node) { () throws(RedisError) in
                                try connection(to: node).readPendingAvailable(count: count, from: from) { take(part, $0, $1) }.count
                            }
                            taken[part] += got
                            if got > 0 { progressed = true }
                        }
                        unread.removeAll { taken[$0] == groups[$0].count }
                        if !progressed, let first = unread.first {
                            try noting(targets[first].node) { () throws(RedisError) in
                                try waitForReplies(unread.map { connection(to: targets[$0].node) }, first: targets[first].node)
                            }
                        }
                    }
                } else {
                    for part in parts {
                        try readPart(count: groups[part].count, from: targets[part]) { take(part, $0, $1) }
                        unread.removeFirst()
                    }
                }
            } catch {
                for part in unread { connection(to: targets[part].node).close() }
                throw error
            }
            for item in redirected {
                next.append((item.index, Self.number(of: self.target(for: item.redirect, from: item.from), in: &targets)))
            }
            pending = next
        }
    }

    /// Writes one node's part (with `ASKING` before each command when the target says so).
    private func writePart(_ commands: [RedisCommand], to target: Target) throws(RedisError) {
        let asking = RedisCommand("ASKING")
        try noting(target.node) { () throws(RedisError) in
            try connection(to: target.node).writePending(target.asking ? commands.flatMap { [asking, $0] } : commands)
        }
    }

    /// Reads one node's part; `ASKING`'s own replies (OK) are skipped.
    private func readPart(count: Int, from target: Target, _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        try noting(target.node) { () throws(RedisError) in
            _ = try connection(to: target.node).readPending(count: target.asking ? count * 2 : count) { index, reply in
                if !target.asking { body(index, reply) } else if index % 2 == 1 { body(index / 2, reply) }
            }
        }
    }

    /// Runs `work` against one node; a failure marks the topology stale (the node may have
    /// failed over) and is named with what the node serves.
    private func noting<R>(_ node: NodeAddress, _ work: () throws(RedisError) -> R) throws(RedisError) -> R {
        do {
            return try work()
        } catch {
            let named = Self.naming(error, node: node, slots: topology.slots(of: node))
            failure = named
            topologyStale = true
            throw named
        }
    }

    /// One node's commands in one round trip (walks and DBSIZE, which go to one master at a time).
    private func sendPart<T>(
        _ commands: [RedisCommand], to target: Target, _ transform: (Int, ReplyView) -> T
    ) throws(RedisError) -> [T] {
        try noting(target.node) { () throws(RedisError) in try connection(to: target.node).send(commands, decoding: transform) }
    }

    private func target(for redirect: ClusterRedirect, from node: NodeAddress? = nil) -> Target {
        // An empty host means "the node you asked" (a cluster announcing no endpoint).
        let host = redirect.host.isEmpty ? (node?.host ?? seedHost) : redirect.host
        let destination = NodeAddress(host: host, port: redirect.port)
        if redirect.kind == .moved {
            topology.assign(slot: redirect.slot, to: destination)
            topologyStale = true
            events.append("cluster topology changed: slot \(redirect.slot) now at \(destination)")
        }
        return Target(node: destination, asking: redirect.kind == .ask)
    }

    /// Marks a command sent to every master (DBSIZE) in `route`'s answer.
    private static let everyMaster = -1

    /// The master (an index into `topology.masters`) for each command: its slot's owner, the
    /// first master for keyless commands, `everyMaster` for DBSIZE, and for a transaction
    /// (MULTI … EXEC) the node of the first key inside it, for all of its commands.
    private func route(_ commands: [RedisCommand]) throws(RedisError) -> [Int] {
        guard !topology.masters.isEmpty else { throw .server(message: "the cluster reports no masters") }
        var owners = [Int](repeating: 0, count: commands.count)
        var index = 0
        while index < commands.count {
            let kind = CommandRoute.kinds[CommandRoute.upperName(commands[index])]
            if kind == .transactionStart {
                let end =
                    commands[index...].firstIndex { CommandRoute.kinds[CommandRoute.upperName($0)] == .transactionEnd }
                    ?? commands.count - 1
                var owner = 0
                for inner in commands[index...end] {
                    if case .slot(let slot) = CommandRoute.of(inner) {
                        owner = try self.owner(of: slot)
                        break
                    }
                }
                for position in index...end { owners[position] = owner }
                index = end + 1
                continue
            }
            switch CommandRoute.route(commands[index], kind: kind) {
            case .slot(let slot): owners[index] = try owner(of: slot)
            case .everyMaster: owners[index] = Self.everyMaster
            case .anyNode: break
            }
            index += 1
        }
        return owners
    }

    private func owner(of slot: Int) throws(RedisError) -> Int {
        guard let index = topology.ownerIndex(of: slot) else {
            throw .server(message: "no master serves slot \(slot) (CLUSTERDOWN): a node is down with no replica to take over")
        }
        return index
    }

    private func summedOverMasters(_ command: RedisCommand) throws(RedisError) -> RedisValue {
        var total: Int64 = 0
        for master in topology.masters {
            let reply = try sendPart([command], to: Target(node: master, asking: false)) { _, reply in reply.value }[0]
            if reply.errorMessage != nil { return reply }
            total += reply.int ?? 0
        }
        return .integer(total)
    }

    // MARK: Walks

    public func scanTargets() throws(RedisError) -> [any RedisCommandSender] {
        if mode == .unknown { try detect() }
        guard mode == .cluster else { return [seed] }
        if topologyStale { try refreshTopology() }
        return topology.masters.map { FailureNoting(link: self, node: $0) }
    }

    /// A master's connection for a walk, which marks the topology stale when the node fails.
    private final class FailureNoting: RedisCommandSender {
        unowned let link: ClusterLink
        let node: NodeAddress
        init(link: ClusterLink, node: NodeAddress) {
            self.link = link
            self.node = node
        }
        func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
            try link.sendPart(commands, to: Target(node: node, asking: false)) { _, reply in reply.value }
        }
        func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
            try link.sendPart(commands, to: Target(node: node, asking: false), transform)
        }
    }
}
