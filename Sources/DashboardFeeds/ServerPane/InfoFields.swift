import Foundation
import Dashboard

/// An `INFO` reply's `field:value` lines, and the Server pane's view of one server from them.
/// Pure; made on the poller's queue.
struct InfoFields {
    let values: [String: String]

    init(_ text: String) {
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        self.values = values
    }

    subscript(_ field: String) -> String? { values[field] }

    func int(_ field: String) -> Int? { values[field].flatMap { Int($0) } }

    var isCluster: Bool { values["cluster_enabled"] == "1" }

    /// `keyspace_hits` and `keyspace_misses`.
    var lookups: (hits: Int, misses: Int)? {
        guard let hits = int("keyspace_hits"), let misses = int("keyspace_misses") else { return nil }
        return (hits, misses)
    }

    /// The server at `address`; the hit ratio is left to the caller (it needs the previous read).
    func node(address: String) -> ServerNode {
        var node = ServerNode(address: address, role: values["role"] == "slave" ? "replica" : (values["role"] ?? "?"))
        node.opsPerSecond = int("instantaneous_ops_per_sec")
        node.usedMemory = int("used_memory")
        node.maxMemory = int("maxmemory")
        node.evictionPolicy = values["maxmemory_policy"]
        node.evictedKeys = int("evicted_keys")
        node.expiredKeys = int("expired_keys")
        node.connectedClients = int("connected_clients")
        node.blockedClients = int("blocked_clients")
        let offset = int("master_repl_offset")
        node.replicas = (0..<(int("connected_slaves") ?? 0)).compactMap { replica($0, masterOffset: offset) }
        if node.role == "replica", let host = values["master_host"], let port = values["master_port"] {
            var text = "of \(host):\(port) · link \(values["master_link_status"] ?? "?")"
            if let io = int("master_last_io_seconds_ago"), io >= 0 { text += " · last I/O \(io)s" }
            node.upstream = text
        }
        return node
    }

    /// `slave0:ip=127.0.0.1,port=6380,state=online,offset=123,lag=0` as
    /// "127.0.0.1:6380 online · lag 0s", with "· 1,024 B behind" when its offset trails.
    private func replica(_ index: Int, masterOffset: Int?) -> String? {
        guard let line = values["slave\(index)"] else { return nil }
        var fields: [String: String] = [:]
        for pair in line.split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { fields[String(kv[0])] = String(kv[1]) }
        }
        var text = "\(fields["ip"] ?? "?"):\(fields["port"] ?? "?") \(fields["state"] ?? "?")"
        if let lag = fields["lag"] { text += " · lag \(lag)s" }
        if let master = masterOffset, let offset = fields["offset"].flatMap({ Int($0) }), master > offset {
            text += " · \(Formatting.count(master - offset)) B behind"
        }
        return text
    }
}
