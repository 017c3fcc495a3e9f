/// What went wrong talking to Redis, keeping hiredis' or the server's own words and saying what
/// to do next. Connection-level cases mean the connection is closed and will be re-opened by
/// the next call (see `RedisConnection`); reply-level cases leave it usable.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing listens at the endpoint (refused, socket file missing, host unknown).
    case connectionRefused(endpoint: String, detail: String)
    /// Connecting or waiting for a reply took longer than the configured timeout.
    case timeout(endpoint: String, detail: String)
    /// The server closed the connection, or the socket failed mid-reply.
    case connectionLost(endpoint: String, detail: String)
    /// The TLS handshake or session failed: an untrusted or mismatched certificate, a plaintext
    /// port, a missing client certificate. `detail` says what to do.
    case tls(endpoint: String, detail: String)
    /// Not connected, and the next reconnect attempt is not due yet (capped backoff).
    case reconnecting(endpoint: String, lastError: String, retryInSeconds: Double)
    /// AUTH was rejected (wrong user or password).
    case authFailed(detail: String)
    /// The server needs a password and none was given.
    case noAuth(detail: String)
    /// The ACL user may not run this command or touch this key.
    case noPermission(detail: String)
    /// The key holds another type than the command expects.
    case wrongType(detail: String)
    /// Any other error reply from the server, verbatim.
    case server(message: String)
    /// The reply did not have the shape the caller expected.
    case unexpectedReply(command: String, detail: String)
    /// The endpoint URL or options could not be understood.
    case invalidEndpoint(detail: String)

    /// Classifies an error reply by its prefix, as Redis spells them.
    public static func fromReply(_ message: String) -> RedisError {
        if message.hasPrefix("WRONGTYPE") { return .wrongType(detail: message) }
        if message.hasPrefix("NOAUTH") { return .noAuth(detail: message) }
        if message.hasPrefix("WRONGPASS") || message.contains("invalid password")
            || message.contains("invalid username-password")
        {
            return .authFailed(detail: message)
        }
        if message.hasPrefix("NOPERM") { return .noPermission(detail: message) }
        return .server(message: message)
    }

    /// What an ACL refusal asks for, from the server's NOPERM text: "needs +info" for
    /// "…no permissions to run the 'info' command", "needs access to these keys (~pattern)" for
    /// a key refusal; the server's own words otherwise.
    public static func missingPermission(in detail: String) -> String {
        if let open = detail.firstRange(of: "run the '"), let close = detail[open.upperBound...].firstIndex(of: "'") {
            return "needs +" + detail[open.upperBound..<close].lowercased()
        }
        if detail.contains("keys") { return "needs access to these keys (~pattern)" }
        if detail.contains("channel") { return "needs access to these channels (&pattern)" }
        return clause(detail)
    }

    /// A server's or hiredis' words as a clause inside a sentence: without the trailing period
    /// that Redis puts on some replies, so messages never end a clause in "..".
    public static func clause(_ detail: String) -> String {
        var text = Substring(detail)
        while text.last == "." || text.last == " " { text = text.dropLast() }
        return String(text)
    }

    /// True for failures of the connection itself (as opposed to an error reply).
    public var isConnectionFailure: Bool {
        switch self {
        case .connectionRefused, .timeout, .connectionLost, .reconnecting, .tls: return true
        default: return false
        }
    }

    /// True when the server did not answer within the read or connect timeout.
    public var isTimeout: Bool {
        if case .timeout = self { return true }
        return false
    }

    /// A server's words cut to a readable length: an 8 MB error line must not become an 8 MB
    /// message on a terminal or in a CI log.
    public static func excerpt(_ text: String, limit: Int = 500) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.utf8.count) bytes in all)"
    }

    public var description: String {
        switch self {
        case .connectionRefused(let endpoint, let detail):
            return "cannot connect to Redis at \(endpoint): \(Self.clause(detail)). "
                + "Check that redis-server is running there, or pass --url / --host / --port / --socket."
        case .timeout(let endpoint, let detail):
            return "Redis at \(endpoint) did not answer in time (\(detail)). "
                + "The server may be busy or paused; raise --timeout if it is just slow."
        case .connectionLost(let endpoint, let detail):
            return "lost the connection to Redis at \(endpoint): \(Self.clause(detail))."
        case .tls(let endpoint, let detail):
            return "TLS with Redis at \(endpoint) failed: \(Self.clause(detail))."
        case .reconnecting(let endpoint, let lastError, let retry):
            let seconds = (retry * 10).rounded() / 10
            return "not connected to Redis at \(endpoint) (\(lastError)); retrying in \(seconds)s."
        case .authFailed(let detail):
            return "Redis rejected the credentials: \(Self.clause(detail)). "
                + "Check --user and the password (REDISCLI_AUTH or --askpass)."
        case .noAuth(let detail):
            return "Redis needs a password: \(Self.clause(detail)). Set REDISCLI_AUTH or use --askpass (and --user for an ACL user)."
        case .noPermission(let detail):
            return "the Redis user may not do this: \(Self.clause(detail)). Ask for an ACL that allows it, or use another --user."
        case .wrongType(let detail):
            return "a key holds another type than expected: \(detail)"
        case .server(let message):
            return "Redis answered with an error: \(Self.excerpt(message))"
        case .unexpectedReply(let command, let detail):
            return "unexpected reply to \(command): \(detail)"
        case .invalidEndpoint(let detail):
            return "invalid Redis endpoint: \(Self.clause(detail)). "
                + "Use redis://[user[:password]@]host[:port][/db], rediss://… for TLS, or unix:///path/to/redis.sock[?db=N]."
        }
    }
}
