import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking connection to one Redis server over TCP, a Unix socket or TLS.
///
/// Ownership and threading: a connection is NOT thread-safe and not `Sendable`. Exactly one
/// thread or serial queue owns it (the poller's queue, or the CLI's main thread) and makes every
/// call. Calls block for at most the connect timeout plus the read timeout.
///
/// Transport: the connection owns its socket (`SocketStream`, or `TLSStream` over it), writes
/// the RESP it encodes itself (`RESPEncoder`), and feeds what it reads to hiredis' parser, whose
/// reply callbacks build into a flat `ReplyArena` (`ReplyReader`) — no hiredis reply tree is
/// built and freed per reply. See docs/DECISIONS.md, "TLS and the transport".
///
/// Lifecycle: the stream is opened lazily on the first `send` (or by `connect()`), and after
/// every (re)connect AUTH, SELECT and CLIENT SETNAME are sent again. When the connection fails
/// mid-call the stream is closed (it may hold half a reply) and the call throws; the next call
/// reconnects at once, and further failures back off exponentially up to
/// `options.reconnectBackoff.upperBound`, throwing `.reconnecting` without touching the network
/// until the next attempt is due. Commands are never re-sent behind the caller's back.
public final class RedisConnection: RedisLink {
    public let options: RedisConnectionOptions
    var stream: ByteStream?
    var reader: ReplyReader?
    let encoder = RESPEncoder()
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
    private var tlsContext: TLSContext?
    private var failures = 0
    private var nextAttempt: Double = 0
    var lastError: RedisError?
    /// Whether the server has answered anything since the socket was opened: a server that
    /// closes before its first reply is most often a TLS port spoken to in plaintext.
    var answeredSinceOpen = false
    private let logger = Logger(label: "opsdeck.redis")

    public init(options: RedisConnectionOptions) {
        self.options = options
        _ = Self.ignoreBrokenPipes
    }

    /// Sockets are written with MSG_NOSIGNAL, but OpenSSL writes with write(2): a write to a
    /// socket the server closed must fail with EPIPE rather than kill the process.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public convenience init(endpoint: RedisEndpoint) {
        self.init(options: RedisConnectionOptions(endpoint: endpoint))
    }

    deinit {
        close()
        readBuffer.deallocate()
    }

    /// Whether a stream is open (it may still turn out dead on the next call).
    public var isConnected: Bool { stream != nil }

    public var summary: String { options.endpoint.description }

    /// The TLS protocol and cipher of the open stream ("TLSv1.3 TLS_AES_256_GCM_SHA384"), or nil.
    public var security: String? { stream?.security }

    /// The error that closed the connection last, until a reconnect succeeds.
    public var lastFailure: RedisError? { lastError }

    /// Commands sent after the handshake on every (re)connect, e.g. `CLIENT TRACKING on
    /// REDIRECT <id>`: state the server keeps per connection must come back with it. An error
    /// reply to one does not fail the connection; it is kept in `setupRefusal`.
    public var setupCommands: [RedisCommand] = []

    /// The error reply to a setup command at the last (re)connect, if any.
    public private(set) var setupRefusal: String?

    /// Sends the setup commands on the open connection now (they are also sent on every
    /// reconnect); returns the first error reply, nil when all were accepted.
    @discardableResult
    public func applySetup() throws(RedisError) -> String? {
        guard !setupCommands.isEmpty else {
            setupRefusal = nil
            return nil
        }
        let replies = try send(setupCommands)
        setupRefusal = replies.lazy.compactMap(\.errorMessage).first
        return setupRefusal
    }

    /// The next message the server pushes on a subscribed connection, waiting at most the read
    /// timeout: nil when none came. A subscribed connection sends nothing else, so a read
    /// timeout here is not a failure.
    public func nextPush() throws(RedisError) -> RedisValue? {
        try nextPush { $0.value }
    }

    /// `nextPush`, handing the message to `body` as a view into the reply arena (valid only
    /// inside it): a caller that drops most of a busy channel's keys makes nothing of them.
    /// Nil when no message came within the read timeout.
    public func nextPush<T>(_ body: (ReplyView) -> T) throws(RedisError) -> T? {
        try openIfNeeded()
        guard let stream, let reader else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        do {
            while true {
                if let root = try reader.nextReply() {
                    defer { reader.arena.clear() }
                    return body(ReplyView(arena: reader.arena, index: root))
                }
                let count: Int
                do { count = try stream.read(into: readBuffer) } catch .timeout { return nil }
                try reader.feed(UnsafeRawBufferPointer(rebasing: readBuffer[..<count]))
            }
        } catch {
            fail(error)
            throw error
        }
    }

    /// Connects now if not connected, ignoring the backoff: for a user's explicit retry.
    public func connect() throws(RedisError) {
        guard stream == nil else { return }
        nextAttempt = 0
        try openIfNeeded()
    }

    /// Lets the next call try to connect at once, whatever the backoff says (a user's retry).
    public func allowImmediateRetry() { nextAttempt = 0 }

    /// Closes the socket; the next `send` reconnects.
    public func close() {
        stream?.close()
        stream = nil
        reader = nil
    }

    @discardableResult
    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        try send(commands) { _, reply in reply.value }
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        if commands.isEmpty { return [] }
        try openIfNeeded()
        guard stream != nil else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        return try closingOnFailure { () throws(RedisError) in
            let replies = try roundTrip(commands, transform)
            answeredSinceOpen = true
            return replies
        }
    }

    /// The generic path with nothing returned, specialised here (see the protocol).
    public func forEachReply(of commands: [RedisCommand], _ body: (Int, ReplyView) -> Void) throws(RedisError) {
        _ = try send(commands, decoding: body)
    }

    /// Runs one step of an exchange; a failure closes the connection (it may hold half a reply)
    /// and is explained (a TLS port spoken to in plaintext closes before its first reply).
    func closingOnFailure<R>(_ step: () throws(RedisError) -> R) throws(RedisError) -> R {
        do {
            return try step()
        } catch {
            let explained = explainEarlyClose(error)
            fail(explained)
            throw explained
        }
    }

    var endpointText: String { options.endpoint.description }

    func openIfNeeded() throws(RedisError) {
        guard stream == nil else { return }
        let now = Self.monotonicSeconds()
        if now < nextAttempt {
            throw .reconnecting(
                endpoint: endpointText,
                lastError: lastError.map { "\($0.shortReason)" } ?? "disconnected",
                retryInSeconds: nextAttempt - now)
        }
        do {
            stream = try open()
            reader = ReplyReader(endpoint: endpointText, limits: options.replyLimits)
            answeredSinceOpen = false
            try handshake()
            if !setupCommands.isEmpty {
                let replies = try roundTrip(setupCommands) { _, reply in reply.value }
                setupRefusal = replies.lazy.compactMap(\.errorMessage).first
            }
            if failures > 0 { logger.info("reconnected to \(endpointText)") }
            failures = 0
            lastError = nil
        } catch {
            let explained = explainEarlyClose(error)
            fail(explained)
            throw explained
        }
    }

    private func open() throws(RedisError) -> ByteStream {
        let endpoint = options.endpoint
        // The TLS settings are checked before any connection: a missing CA file is the problem
        // to report, whatever the network says.
        if let tls = endpoint.tls, tlsContext == nil { tlsContext = try TLSContext(tls, endpoint: endpointText) }
        let connectTimeout = try within(options.connectTimeout)
        let socket = try SocketStream.open(
            endpoint.address, endpoint: endpointText, connectTimeout: connectTimeout,
            readTimeout: try within(options.readTimeout))
        guard let tlsContext else { return socket }
        guard case .tcp(let host, _) = endpoint.address else {
            socket.close()
            throw .invalidEndpoint(detail: "TLS needs a host and port, not a Unix socket")
        }
        return try TLSStream.open(
            over: socket, context: tlsContext, address: endpoint.address, host: host, endpoint: endpointText,
            handshakeTimeout: try within(options.connectTimeout), readTimeout: try within(options.readTimeout))
    }

    /// A close before the server's first reply gets the likely cause added: in plaintext, a TLS
    /// port; over TLS 1.3, a server that wants a client certificate (its alert may be lost when
    /// it resets the connection before we read it).
    func explainEarlyClose(_ error: RedisError) -> RedisError {
        guard !answeredSinceOpen, case .connectionLost(let endpoint, let detail) = error else { return error }
        guard let tls = options.endpoint.tls else {
            // A TLS port closes (or resets) a plaintext client; but a reset from anything else
            // must not be blamed on TLS (issue 29): a server that answers a plaintext PING on a
            // second connection is not a TLS port. Protocol errors say nothing about TLS.
            guard !detail.hasPrefix("protocol error") else { return error }
            if detail != SocketStream.closedByPeer,
                TLSStream.answersPlaintext(options.endpoint.address, endpoint: endpointText)
            {
                return error
            }
            return .connectionLost(
                endpoint: endpoint,
                detail: detail
                    + "; the server closed it before answering anything, which is what a TLS-only port does to a "
                    + "plaintext client: use rediss:// or --tls (with --cacert) for a TLS port")
        }
        if tls.certificateFile == nil {
            return .tls(
                endpoint: endpoint,
                detail: "the server closed the connection right after the TLS handshake ("
                    + RedisError.clause(detail) + "): it requires a client certificate. Pass --cert FILE and --key FILE")
        }
        return .tls(
            endpoint: endpoint,
            detail: "the server closed the connection right after the TLS handshake ("
                + RedisError.clause(detail) + "): it may have refused the client certificate (--cert)")
    }

    /// AUTH, SELECT and CLIENT SETNAME, in one pipeline.
    private func handshake() throws(RedisError) {
        let endpoint = options.endpoint
        var commands: [RedisCommand] = []
        if let password = endpoint.password {
            if let user = endpoint.username {
                commands.append(RedisCommand("AUTH", user, password))
            } else {
                commands.append(RedisCommand("AUTH", password))
            }
        }
        if endpoint.database != 0 { commands.append(RedisCommand("SELECT", endpoint.database)) }
        if let name = options.clientName { commands.append(RedisCommand("CLIENT", "SETNAME", name)) }
        guard !commands.isEmpty else { return }
        let replies = try roundTrip(commands) { _, reply in reply.value }
        answeredSinceOpen = true
        for (command, reply) in zip(commands, replies) {
            guard let message = reply.errorMessage else { continue }
            switch command.name {
            case "AUTH":
                throw RedisError.fromReply(message).asAuthFailure
            case "SELECT":
                throw .server(message: "SELECT \(endpoint.database) failed: \(message)")
            default:
                // CLIENT SETNAME is a courtesy; an ACL that forbids it must not stop the user,
                // but a missing password must surface now rather than on the first real command.
                if message.hasPrefix("NOAUTH") { throw RedisError.fromReply(message) }
            }
        }
    }

    /// `timeout`, or less when the command's deadline is nearer; throws once it has passed.
    func within(_ timeout: Double) throws(RedisError) -> Double {
        guard let deadline = options.deadline else { return timeout }
        let left = deadline.remaining
        guard left > 0 else { throw deadline.passed(at: endpointText) }
        return min(timeout, left)
    }

    /// One read into `readBuffer`, bounded by the read timeout and the command's deadline: a
    /// read that times out because the deadline came says so.
    func read(from stream: ByteStream) throws(RedisError) -> Int {
        guard let deadline = options.deadline else { return try stream.read(into: readBuffer) }
        stream.setTimeouts(try within(options.readTimeout))
        do {
            return try stream.read(into: readBuffer)
        } catch {
            if error.isTimeout && deadline.remaining < 0.01 { throw deadline.passed(at: endpointText) }
            throw error
        }
    }

    /// Writes every byte within the write timeout and the command's deadline.
    func write(_ bytes: UnsafeRawBufferPointer, to stream: ByteStream) throws(RedisError) {
        guard let deadline = options.deadline else { return try stream.write(bytes) }
        stream.setTimeouts(try within(options.readTimeout))
        do {
            try stream.write(bytes)
        } catch {
            if error.isTimeout && deadline.remaining < 0.01 { throw deadline.passed(at: endpointText) }
            throw error
        }
    }

    func fail(_ error: RedisError) {
        close()
        lastError = error
        failures += 1
        // The first retry after a drop is immediate; later ones double up to the cap.
        let base = options.reconnectBackoff.lowerBound
        let delay = failures <= 1 ? 0 : min(options.reconnectBackoff.upperBound, base * Double(1 << min(failures - 2, 20)))
        nextAttempt = Self.monotonicSeconds() + delay
        logger.debug("redis connection failed (\(error.shortReason)); next attempt in \(delay)s")
    }

    static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}

extension timeval {
    init(seconds: Double) {
        let whole = Int(seconds)
        self.init(tv_sec: whole, tv_usec: suseconds_t((seconds - Double(whole)) * 1_000_000))
    }
}

extension RedisError {
    /// A short phrase for status bars and logs.
    public var shortReason: String {
        switch self {
        case .connectionRefused(_, let detail), .timeout(_, let detail), .connectionLost(_, let detail), .tls(_, let detail):
            return detail
        case .reconnecting(_, let lastError, _): return lastError
        case .authFailed: return "authentication failed"
        case .noAuth: return "authentication required"
        case .noPermission: return "permission denied"
        case .wrongType: return "wrong key type"
        case .server(let message): return message
        case .unexpectedReply(_, let detail): return detail
        case .invalidEndpoint(let detail): return detail
        }
    }

    /// AUTH's own errors ("ERR invalid password", WRONGPASS) all mean the credentials are wrong.
    var asAuthFailure: RedisError {
        switch self {
        case .authFailed: return self
        case .server(let message): return .authFailed(detail: message)
        default: return self
        }
    }
}
