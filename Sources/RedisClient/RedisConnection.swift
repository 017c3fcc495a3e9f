import CHiredis
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking connection to one Redis server over hiredis.
///
/// Ownership and threading: a connection is NOT thread-safe and not `Sendable`. Exactly one
/// thread or serial queue owns it (the poller's queue, or the CLI's main thread) and makes every
/// call. Calls block for at most the connect timeout plus the read timeout.
///
/// Lifecycle: the hiredis context is created lazily on the first `send` (or by `connect()`),
/// and after every (re)connect the read timeout, keepalive, AUTH, SELECT and CLIENT SETNAME are
/// applied again — hiredis' own `redisReconnect` would drop the timeout and keepalive. When the
/// connection fails mid-call the context is freed (its stream may hold half a reply) and the call
/// throws; the next call reconnects at once, and further failures back off exponentially up to
/// `options.reconnectBackoff.upperBound`, throwing `.reconnecting` without touching the network
/// until the next attempt is due. Commands are never re-sent behind the caller's back.
public final class RedisConnection: RedisCommandSender {
    public let options: RedisConnectionOptions
    private var context: UnsafeMutablePointer<redisContext>?
    private var failures = 0
    private var nextAttempt: Double = 0
    private var lastError: RedisError?
    /// Whether the server has answered anything since the socket was opened: a server that
    /// closes before its first reply is most often a TLS port spoken to in plaintext.
    private var answeredSinceOpen = false
    private let logger = Logger(label: "opsdeck.redis")

    public init(options: RedisConnectionOptions) {
        self.options = options
        _ = Self.ignoreBrokenPipes
    }

    /// A write to a socket the server closed raises SIGPIPE, whose default action kills the
    /// process; hiredis expects the application to ignore it and reports EPIPE as an I/O error.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    public convenience init(endpoint: RedisEndpoint) {
        self.init(options: RedisConnectionOptions(endpoint: endpoint))
    }

    deinit { close() }

    /// Whether a hiredis context is open (it may still turn out dead on the next call).
    public var isConnected: Bool { context != nil }

    /// The error that closed the connection last, until a reconnect succeeds.
    public var lastFailure: RedisError? { lastError }

    /// Connects now if not connected, ignoring the backoff: for a user's explicit retry.
    public func connect() throws(RedisError) {
        guard context == nil else { return }
        nextAttempt = 0
        try openIfNeeded()
    }

    /// Lets the next call try to connect at once, whatever the backoff says (a user's retry).
    public func allowImmediateRetry() { nextAttempt = 0 }

    /// Closes the socket; the next `send` reconnects.
    public func close() {
        if let context { redisFree(context) }
        context = nil
    }

    @discardableResult
    public func send(_ commands: [RedisCommand]) throws(RedisError) -> [RedisValue] {
        try send(commands) { _, reply in reply.value }
    }

    public func send<T>(_ commands: [RedisCommand], decoding transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        if commands.isEmpty { return [] }
        try openIfNeeded()
        guard let context else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        do {
            let replies = try Self.roundTrip(commands, on: context, endpoint: endpointText, transform)
            answeredSinceOpen = true
            return replies
        } catch {
            let explained = explainEarlyClose(error)
            fail(explained)
            throw explained
        }
    }

    private var endpointText: String { options.endpoint.description }

    private func openIfNeeded() throws(RedisError) {
        guard context == nil else { return }
        let now = Self.monotonicSeconds()
        if now < nextAttempt {
            throw .reconnecting(
                endpoint: endpointText,
                lastError: lastError.map { "\($0.shortReason)" } ?? "disconnected",
                retryInSeconds: nextAttempt - now)
        }
        do {
            let opened = try Self.open(options)
            context = opened
            answeredSinceOpen = false
            try handshake(opened)
            if failures > 0 { logger.info("reconnected to \(endpointText)") }
            failures = 0
            lastError = nil
        } catch {
            let explained = explainEarlyClose(error)
            fail(explained)
            throw explained
        }
    }

    /// A close before the server's first reply gets the likely cause added.
    private func explainEarlyClose(_ error: RedisError) -> RedisError {
        guard !answeredSinceOpen, case .connectionLost(let endpoint, let detail) = error else { return error }
        return .connectionLost(endpoint: endpoint, detail: detail
            + "; the server closed it before answering anything, which is what a TLS-only port does to a "
            + "plaintext client (opsdeck does not speak TLS yet)")
    }

    /// AUTH, SELECT and CLIENT SETNAME, in one pipeline.
    private func handshake(_ context: UnsafeMutablePointer<redisContext>) throws(RedisError) {
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
        let replies = try Self.roundTrip(commands, on: context, endpoint: endpointText) { _, reply in reply.value }
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

    private func fail(_ error: RedisError) {
        close()
        lastError = error
        failures += 1
        // The first retry after a drop is immediate; later ones double up to the cap.
        let base = options.reconnectBackoff.lowerBound
        let delay = failures <= 1 ? 0 : min(options.reconnectBackoff.upperBound, base * Double(1 << min(failures - 2, 20)))
        nextAttempt = Self.monotonicSeconds() + delay
        logger.debug("redis connection failed (\(error.shortReason)); next attempt in \(delay)s")
    }

    private static func open(_ options: RedisConnectionOptions) throws(RedisError) -> UnsafeMutablePointer<redisContext> {
        let endpoint = options.endpoint.description
        let connectTimeout = timeval(seconds: options.connectTimeout)
        let created: UnsafeMutablePointer<redisContext>?
        switch options.endpoint.address {
        case .tcp(let host, let port):
            created = redisConnectWithTimeout(host, Int32(port), connectTimeout)
        case .unix(let path):
            created = redisConnectUnixWithTimeout(path, connectTimeout)
        }
        guard let context = created else {
            throw .connectionRefused(endpoint: endpoint, detail: "hiredis could not allocate a context")
        }
        if context.pointee.err != 0 {
            let error = connectError(context, endpoint: endpoint)
            redisFree(context)
            throw error
        }
        // TCP keepalive notices a peer that vanished without closing; Unix sockets reject it.
        var isTCP = false
        if case .tcp = options.endpoint.address { isTCP = true }
        guard redisSetTimeout(context, timeval(seconds: options.readTimeout)) == REDIS_OK,
              !isTCP || redisEnableKeepAlive(context) == REDIS_OK else {
            let error = connectError(context, endpoint: endpoint)
            redisFree(context)
            throw error
        }
        return context
    }

    private static func connectError(_ context: UnsafeMutablePointer<redisContext>, endpoint: String) -> RedisError {
        let detail = errorString(context)
        let lowered = detail.lowercased()
        if lowered.contains("timed out") || lowered.contains("temporarily unavailable") {
            return .timeout(endpoint: endpoint, detail: "connect: \(detail)")
        }
        return .connectionRefused(endpoint: endpoint, detail: detail)
    }

    /// Appends every command to hiredis' output buffer, then reads one reply per command.
    private static func roundTrip<T>(
        _ commands: [RedisCommand], on context: UnsafeMutablePointer<redisContext>, endpoint: String,
        _ transform: (Int, ReplyView) -> T
    ) throws(RedisError) -> [T] {
        for command in commands {
            guard append(command, to: context) == REDIS_OK else {
                throw ioError(context, endpoint: endpoint)
            }
        }
        var replies: [T] = []
        replies.reserveCapacity(commands.count)
        for index in commands.indices {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
                throw ioError(context, endpoint: endpoint)
            }
            // The reply is read in place, then freed: nothing of hiredis' memory outlives this.
            replies.append(transform(index, ReplyView(UnsafePointer(raw.assumingMemoryBound(to: redisReply.self)))))
            freeReplyObject(raw)
        }
        return replies
    }

    /// Encodes the command as RESP (`*N\r\n` then `$len\r\n<bytes>\r\n` per argument) into one
    /// temporary buffer and hands it to hiredis as an already formatted command.
    ///
    /// hiredis' own `redisAppendCommandArgv` formats each argument's header with `sdscatfmt`,
    /// which callgrind showed as the largest client-side cost of a 10,000-command pipeline
    /// (about 2,000 instructions per short command); writing the headers here is a few dozen.
    /// The bytes are identical, so the server cannot tell the difference.
    private static func append(_ command: RedisCommand, to context: UnsafeMutablePointer<redisContext>) -> Int32 {
        let arguments = command.arguments
        // Per argument: '$', up to 20 digits, CRLF, payload, CRLF; plus the '*N' header.
        var capacity = 1 + 20 + 2
        for argument in arguments { capacity += argument.count + 25 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let base = buffer.baseAddress!
            var offset = 0
            func put(_ byte: UInt8) {
                base[offset] = byte
                offset += 1
            }
            func putDecimal(_ value: Int) {
                var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                             UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                    (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                var count = 0
                var rest = value
                withUnsafeMutableBytes(of: &digits) { scratch in
                    repeat {
                        scratch[count] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                        rest /= 10
                        count += 1
                    } while rest > 0
                    while count > 0 {
                        count -= 1
                        put(scratch[count])
                    }
                }
            }
            put(42)  // *
            putDecimal(arguments.count)
            put(13); put(10)
            for argument in arguments {
                put(36)  // $
                putDecimal(argument.count)
                put(13); put(10)
                argument.withUnsafeBufferPointer { source in
                    if let address = source.baseAddress, source.count > 0 {
                        (base + offset).initialize(from: address, count: source.count)
                    }
                }
                offset += argument.count
                put(13); put(10)
            }
            return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: offset) { formatted in
                redisAppendFormattedCommand(context, formatted, offset)
            }
        }
    }

    private static func ioError(_ context: UnsafeMutablePointer<redisContext>, endpoint: String) -> RedisError {
        let detail = errorString(context)
        switch context.pointee.err {
        case REDIS_ERR_EOF:
            return .connectionLost(endpoint: endpoint, detail: detail.isEmpty ? "server closed the connection" : detail)
        case REDIS_ERR_IO where detail.lowercased().contains("temporarily unavailable")
            || detail.lowercased().contains("timed out"):
            return .timeout(endpoint: endpoint, detail: "no reply within the read timeout")
        default:
            return .connectionLost(endpoint: endpoint, detail: detail.isEmpty ? "I/O error" : detail)
        }
    }

    private static func errorString(_ context: UnsafeMutablePointer<redisContext>) -> String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
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
        case .connectionRefused(_, let detail), .timeout(_, let detail), .connectionLost(_, let detail):
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
