#if canImport(Glibc)
    import Glibc
#endif

/// How a `ClusterLink` learns the cluster (whether the server is one, the slot map) and deals
/// with its nodes (a connection each, waiting on several, naming one that failed). Same
/// ownership as the link: its owner's thread only.
extension ClusterLink {
    var seedHost: String {
        if case .tcp(let host, _) = options.endpoint.address { return host }
        return "127.0.0.1"
    }

    func connection(to node: NodeAddress) -> RedisConnection {
        if let open = nodes[node] { return open }
        var nodeOptions = options
        nodeOptions.endpoint.address = .tcp(host: node.host, port: node.port)
        let connection = RedisConnection(options: nodeOptions)
        nodes[node] = connection
        return connection
    }

    /// Asks the server whether it is a cluster node; reads the topology if so.
    func detect() throws(RedisError) {
        let reply = try seed.send([RedisCommand("INFO", "cluster")])[0]
        let clustered = reply.string?.contains("cluster_enabled:1") ?? false
        if !clustered {
            if options.topology == .cluster {
                let why = reply.errorMessage.map { "INFO refused: " + RedisError.clause($0) } ?? "cluster_enabled:0"
                throw .invalidEndpoint(detail: "\(seed.summary) is not a cluster node (\(why)); drop --cluster to use it as one server")
            }
            // A refused INFO (ACL) leaves it standalone until a MOVED says otherwise.
            mode = .standalone
            return
        }
        if options.endpoint.database != 0 {
            throw .invalidEndpoint(detail: "a cluster has only database 0; \(seed.summary) names database \(options.endpoint.database)")
        }
        mode = .cluster
        try refreshTopology()
    }

    /// Re-reads the slot map from the seed, else from any master that answers (after a failover
    /// the seed itself may be the node that went away).
    func refreshTopology() throws(RedisError) {
        var lastError: RedisError?
        let candidates: [RedisConnection] = [seed] + topology.masters.map(connection(to:))
        for candidate in candidates {
            do {
                let host: String
                if case .tcp(let candidateHost, _) = candidate.options.endpoint.address { host = candidateHost } else { host = "127.0.0.1" }
                guard let fresh = try read(from: candidate, host: host) else { continue }
                if fresh.masters != topology.masters, !topology.masters.isEmpty {
                    events.append("cluster topology changed: masters now \(fresh.masters.map(\.description).joined(separator: ", "))")
                }
                topology = fresh
                topologyStale = false
                failure = nil
                // Connections to nodes that are no longer masters are closed, not kept around.
                for node in nodes.keys where !fresh.masters.contains(node) {
                    nodes[node]?.close()
                    nodes[node] = nil
                }
                return
            } catch {
                lastError = error
            }
        }
        let error = lastError ?? .server(message: "no cluster node answered CLUSTER SHARDS or CLUSTER SLOTS")
        failure = error
        throw error
    }

    private func read(from connection: RedisConnection, host: String) throws(RedisError) -> ClusterTopology? {
        let tls = options.endpoint.tls != nil
        let shards = try connection.send([RedisCommand("CLUSTER", "SHARDS")])[0]
        if shards.errorMessage == nil, let topology = ClusterTopology.fromShards(shards, fallbackHost: host, tls: tls),
            !topology.masters.isEmpty
        {
            return topology
        }
        // Servers before 7.0 know only CLUSTER SLOTS.
        let slots = try connection.execute("CLUSTER", "SLOTS")
        guard let topology = ClusterTopology.fromSlots(slots, fallbackHost: host), !topology.masters.isEmpty else { return nil }
        return topology
    }

    /// Waits until one of `connections` has bytes to read, at most the read timeout.
    func waitForReplies(_ connections: [RedisConnection], first: NodeAddress) throws(RedisError) {
        var waiting = connections.compactMap(\.waitableDescriptor).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let milliseconds = Int32(min(Double(Int32.max), options.readTimeout * 1000))
        while true {
            let ready = poll(&waiting, nfds_t(waiting.count), milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno == EINTR { continue }
            throw .timeout(endpoint: first.description, detail: "no reply within the read timeout")
        }
    }

    /// A node's connection failure, saying which part of the data is out of reach: what a pane
    /// then shows is missing "5,461 of 16,384 slots", not merely "an error".
    static func naming(_ error: RedisError, node: NodeAddress, slots: Int) -> RedisError {
        guard slots > 0 else { return error }
        let share = "cluster master serving \(slots) of \(HashSlot.count) slots"
        switch error {
        case .connectionRefused(let endpoint, let detail): return .connectionRefused(endpoint: "\(endpoint) (\(share))", detail: detail)
        case .timeout(let endpoint, let detail): return .timeout(endpoint: "\(endpoint) (\(share))", detail: detail)
        case .connectionLost(let endpoint, let detail): return .connectionLost(endpoint: "\(endpoint) (\(share))", detail: detail)
        case .reconnecting(let endpoint, let last, let retry):
            return .reconnecting(endpoint: "\(endpoint) (\(share))", lastError: last, retryInSeconds: retry)
        default: return error
        }
    }
}
