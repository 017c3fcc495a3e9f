/// The one place that decides which kind of link a deployment gets.
public enum RedisLinks {
    /// A link for `options`: a Sentinel-watched master when the endpoint names sentinels, a
    /// cluster link when asked for or when the server says `cluster_enabled:1` (`.auto`), else a
    /// plain connection.
    public static func make(_ options: RedisConnectionOptions) -> any RedisLink {
        if options.endpoint.sentinel != nil { return SentinelLink(options: options) }
        switch options.topology {
        case .standalone: return RedisConnection(options: options)
        case .auto, .cluster: return ClusterLink(options: options)
        }
    }
}
