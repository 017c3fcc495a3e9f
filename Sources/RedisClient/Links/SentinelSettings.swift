/// Where the Sentinels of a master are, the master's name, and the Sentinels' own credentials
/// (often none, or other than the data's). Part of a `RedisEndpoint` given as
/// `redis+sentinel://[user[:password]@]host:port[,host:port…]/master-name[/db]`; the URL's
/// credentials are the data's, the Sentinels' come from the config (`sentinel-user`) and
/// `OPSDECK_SENTINEL_AUTH`. A value; its description never shows a password.
public struct SentinelSettings: Sendable, Hashable {
    public typealias Node = NodeAddress

    public var nodes: [Node]
    public var masterName: String
    public var username: String?
    public var password: String?

    public static let defaultPort = 26379

    public init(nodes: [Node], masterName: String, username: String? = nil, password: String? = nil) {
        self.nodes = nodes
        self.masterName = masterName
        self.username = username
        self.password = password
    }
}

extension RedisEndpoint {
    /// Parses `redis+sentinel://` (and `rediss+sentinel://`, TLS to the Sentinels and the
    /// master). The endpoint's address is the first Sentinel until a `SentinelLink` resolves
    /// the master.
    static func sentinel(url: String) throws(RedisError) -> RedisEndpoint {
        let tls = url.hasPrefix("rediss+sentinel://")
        var rest = Substring(url.dropFirst(tls ? "rediss+sentinel://".count : "redis+sentinel://".count))
        let (username, password) = credentials(of: &rest)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[1].isEmpty else {
            throw .invalidEndpoint(detail: "'\(redacted(url))' names no master: redis+sentinel://host:26379[,host:26379…]/MASTER-NAME[/db]")
        }
        guard parts.count <= 3 else { throw .invalidEndpoint(detail: "too many '/' in \(redacted(url))") }
        var nodes: [SentinelSettings.Node] = []
        for host in parts[0].split(separator: ",") {
            let (name, port) = try hostAndPort(host, defaultPort: SentinelSettings.defaultPort, in: url)
            nodes.append(SentinelSettings.Node(host: name, port: port))
        }
        guard !nodes.isEmpty else {
            throw .invalidEndpoint(detail: "'\(redacted(url))' names no Sentinel (host:port before the master's name)")
        }
        let database = parts.count == 3 && !parts[2].isEmpty ? try parseDatabase(String(parts[2]), in: url) : 0
        var endpoint = RedisEndpoint(
            address: .tcp(host: nodes[0].host, port: nodes[0].port), database: database,
            username: username, password: password, tls: tls ? TLSSettings() : nil)
        endpoint.sentinel = SentinelSettings(nodes: nodes, masterName: percentDecode(String(parts[1])))
        return endpoint
    }

    /// `redis+sentinel://user@h1:26379,h2:26379/mymaster/2`, never a password.
    var sentinelDescription: String? {
        guard let sentinel else { return nil }
        let user = username.map { "\($0)@" } ?? ""
        return (tls == nil ? "redis+sentinel://" : "rediss+sentinel://") + user
            + sentinel.nodes.map(\.description).joined(separator: ",") + "/" + sentinel.masterName
            + (database == 0 ? "" : "/\(database)")
    }
}
