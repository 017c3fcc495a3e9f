/// Where Redis is and how to log in: parsed from a `redis://`, `rediss://` (TLS) or `unix://` URL
/// or built from redis-cli-like options. A value type; `description` never shows the password.
public struct RedisEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Address: Sendable, Hashable {
        case tcp(host: String, port: Int)
        case unix(path: String)
    }

    public var address: Address
    public var database: Int
    public var username: String?
    public var password: String?
    /// TLS settings when the server is reached over TLS (`rediss://` or `--tls`), else nil.
    public var tls: TLSSettings?
    /// The Sentinels that say where the master is (`redis+sentinel://`), else nil.
    public var sentinel: SentinelSettings?

    public init(
        address: Address, database: Int = 0, username: String? = nil, password: String? = nil,
        tls: TLSSettings? = nil
    ) {
        self.address = address
        self.database = database
        self.username = username
        self.password = password
        self.tls = tls
    }

    public static let defaultPort = 6379

    /// Parses `redis://[user[:password]@]host[:port][/db]`, the same with `rediss://` (TLS, with
    /// verification against the system's CAs until options say otherwise), or
    /// `unix:///path/to/redis.sock[?db=N]`.
    public init(url: String) throws(RedisError) {
        if url.hasPrefix("redis+sentinel://") || url.hasPrefix("rediss+sentinel://") {
            self = try Self.sentinel(url: url)
            return
        }
        if url.hasPrefix("unix://") {
            var rest = String(url.dropFirst("unix://".count))
            var database = 0
            if let query = rest.firstIndex(of: "?") {
                let params = rest[rest.index(after: query)...]
                rest = String(rest[..<query])
                for param in params.split(separator: "&") {
                    let parts = param.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else {
                        throw .invalidEndpoint(detail: "bad query parameter '\(param)' in \(Self.redacted(url))")
                    }
                    switch parts[0] {
                    case "db": database = try Self.parseDatabase(parts[1], in: url)
                    default: throw .invalidEndpoint(detail: "unknown parameter '\(parts[0])' in \(Self.redacted(url)) (only db=N)")
                    }
                }
            }
            let path = Self.percentDecode(rest)
            guard path.hasPrefix("/") else {
                throw .invalidEndpoint(detail: "'\(Self.redacted(url))' needs an absolute socket path, as in unix:///run/redis.sock")
            }
            self.init(address: .unix(path: path), database: database)
            return
        }
        let scheme = url.hasPrefix("rediss://") ? "rediss://" : "redis://"
        guard url.hasPrefix(scheme) else {
            throw .invalidEndpoint(detail: "'\(Self.redacted(url))' is not a redis://, rediss://, redis+sentinel:// or unix:// URL")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        let (username, password) = Self.credentials(of: &rest)
        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let db = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
            if !db.isEmpty { database = try Self.parseDatabase(String(db), in: url) }
        }
        let (host, port) = try Self.hostAndPort(rest, defaultPort: Self.defaultPort, in: url)
        self.init(
            address: .tcp(host: host, port: port), database: database, username: username, password: password,
            tls: scheme == "rediss://" ? TLSSettings() : nil)
    }

    /// The `user:password@` part of what follows the scheme, removed from `rest`.
    static func credentials(of rest: inout Substring) -> (username: String?, password: String?) {
        guard let at = rest.lastIndex(of: "@") else { return (nil, nil) }
        let credentials = rest[..<at]
        rest = rest[rest.index(after: at)...]
        if let colon = credentials.firstIndex(of: ":") {
            let user = String(credentials[..<colon])
            return (
                user.isEmpty ? nil : Self.percentDecode(user),
                Self.percentDecode(String(credentials[credentials.index(after: colon)...]))
            )
        }
        return (credentials.isEmpty ? nil : Self.percentDecode(String(credentials)), nil)
    }

    /// `host`, `host:port` or `[v6]:port`; an empty host is 127.0.0.1.
    static func hostAndPort(_ text: Substring, defaultPort: Int, in url: String) throws(RedisError) -> (String, Int) {
        var host = String(text)
        var port = defaultPort
        if host.hasPrefix("[") { // [::1]:6379
            guard let close = host.firstIndex(of: "]") else { throw .invalidEndpoint(detail: "unclosed '[' in \(Self.redacted(url))") }
            let after = host[host.index(after: close)...]
            let inner = String(host[host.index(after: host.startIndex)..<close])
            if after.hasPrefix(":") { port = try Self.parsePort(String(after.dropFirst()), in: url) }
            host = inner
        } else if let colon = host.lastIndex(of: ":") {
            port = try Self.parsePort(String(host[host.index(after: colon)...]), in: url)
            host = String(host[..<colon])
        }
        if host.isEmpty { host = "127.0.0.1" }
        return (host, port)
    }

    /// `redis://host:port/db` or `unix:///path?db=N`, with the user but never the password.
    public var description: String {
        if let sentinelDescription { return sentinelDescription }
        let user = username.map { "\($0)@" } ?? ""
        switch address {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return (tls == nil ? "redis://" : "rediss://") + "\(user)\(shownHost):\(port)" + (database == 0 ? "" : "/\(database)")
        case .unix(let path):
            return "unix://\(path)" + (database == 0 ? "" : "?db=\(database)")
        }
    }

    /// Where the password sits in a URL-like text (`scheme://user:PASSWORD@host…`, or
    /// `user:PASSWORD@host` without a scheme), so it can be masked wherever the text is shown.
    /// The one rule for finding it: messages, logs and the process's own argv use it.
    public static func passwordRange(in text: String) -> Range<String.Index>? {
        var start = text.startIndex
        if let slashes = text.firstRange(of: "://") { start = slashes.upperBound }
        let rest = text[start...]
        guard let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return nil }
        let range = rest.index(after: colon)..<at
        return range.isEmpty ? nil : range
    }

    /// The text with any password replaced by `***`: what every message that echoes a URL shows.
    public static func redacted(_ text: String) -> String {
        var shown = text
        if let range = passwordRange(in: shown) {
            shown = String(shown[..<range.lowerBound]) + "***" + String(shown[range.upperBound...])
        }
        // A password given as a query parameter (`?password=…`, `&pass=…`) is masked too.
        return shown.replacing(#/([?&](?:password|pass|pwd)=)[^&]*/#.ignoresCase()) { $0.output.1 + "***" }
    }

    private static func parsePort(_ text: String, in url: String) throws(RedisError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            // Text that is not digits may be a password typed without its `@host`: never echo it.
            let digits = !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
            let where_ = digits ? Self.redacted(url) : Self.redacted(url).replacing(text, with: "…")
            throw .invalidEndpoint(detail: "bad port\(digits ? " '\(text)'" : "") in \(where_) (a port is a number from 1 to 65535)")
        }
        return port
    }

    static func parseDatabase(_ text: String, in url: String) throws(RedisError) -> Int {
        guard let db = Int(text), db >= 0 else {
            // Only digits are echoed: the text may hold a `?password=…`.
            let digits = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
            throw .invalidEndpoint(
                detail: "bad database\(digits ? " '\(text)'" : "") in \(Self.redacted(url)) (a database is a number, 0 or more)")
        }
        return db
    }

    static func percentDecode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
