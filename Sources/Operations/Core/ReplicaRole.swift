import RedisClient

/// What `INFO replication` says about a server's role: the dashboard's server line and a write
/// refused with `READONLY` both name it. Pure functions, any thread.
public enum ReplicaRole {
    /// "replica of host:port" (or "replica") when `INFO replication` says `role:slave`; nil otherwise.
    public static func describe(_ info: String) -> String? {
        var fields: [Substring: Substring] = [:]
        for line in info.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon]] = line[line.index(after: colon)...]
        }
        guard fields["role"] == "slave" else { return nil }
        guard let host = fields["master_host"], let port = fields["master_port"] else { return "replica" }
        return "replica of \(host):\(port)"
    }

    /// A write refused with `READONLY`, explained: the server's words, then that the server is a
    /// replica and where its master is, when `INFO replication` on the same connection can be read
    /// (issue 29, bug 9). Any other error, or an unreadable INFO, is returned as it was.
    public static func explain(_ error: RedisError, on redis: any RedisCommandSender) -> RedisError {
        guard case .server(let message) = error, message.hasPrefix("READONLY"),
            let info = try? redis.execute("INFO", "replication").string,
            let role = describe(info)
        else { return error }
        let fix =
            role.hasPrefix("replica of ") ? "; write to the master instead (--url redis://\(role.dropFirst("replica of ".count)))" : ""
        return .server(message: message + " — this server is a \(role)" + fix)
    }
}
