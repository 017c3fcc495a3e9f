#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP or Unix socket with a connect timeout and send/receive timeouts
/// (SO_SNDTIMEO/SO_RCVTIMEO), keepalive and no Nagle delay on TCP, and no SIGPIPE.
///
/// Ownership and threading: see `ByteStream`. `TLSStream` runs over the descriptor it opened.
final class SocketStream: ByteStream {
    private(set) var descriptor: Int32
    /// The detail of a read that found the connection closed (EOF), as opposed to reset.
    static let closedByPeer = "server closed the connection"
    private let endpoint: String

    private init(descriptor: Int32, endpoint: String) {
        self.descriptor = descriptor
        self.endpoint = endpoint
    }

    deinit { close() }

    var security: String? { nil }

    /// Connects to the address within `connectTimeout` seconds; replies are awaited up to
    /// `readTimeout` seconds.
    static func open(
        _ address: RedisEndpoint.Address, endpoint: String, connectTimeout: Double,
        readTimeout: Double
    ) throws(RedisError) -> SocketStream {
        let stream: SocketStream
        switch address {
        case .tcp(let host, let port):
            stream = try connectTCP(host: host, port: port, endpoint: endpoint, timeout: connectTimeout)
            var on: Int32 = 1
            setsockopt(stream.descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            stream.enableKeepAlive()
        case .unix(let path):
            stream = try connectUnix(path: path, endpoint: endpoint)
        }
        stream.setTimeouts(readTimeout)
        return stream
    }

    /// Sets how long one read or write may wait (the TLS handshake uses the connect timeout).
    func setTimeouts(_ seconds: Double) {
        var value = timeval(seconds: max(seconds, 0.001))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let sent = Glibc.send(descriptor, next, left, Int32(MSG_NOSIGNAL))
            if sent < 0 {
                if errno == EINTR { continue }
                throw failure(errno, writing: true)
            }
            next += sent
            left -= sent
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return count }
            if count == 0 { throw .connectionLost(endpoint: endpoint, detail: Self.closedByPeer) }
            if errno == EINTR { continue }
            throw failure(errno, writing: false)
        }
    }

    func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        while true {
            let count = recv(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { return count }
            if count == 0 { throw .connectionLost(endpoint: endpoint, detail: "server closed the connection") }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return 0 }
            throw failure(errno, writing: false)
        }
    }

    /// Whether bytes are waiting to be read (poll with no wait).
    var hasInput: Bool {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, 0) > 0
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    private func failure(_ code: Int32, writing: Bool) -> RedisError {
        if code == EAGAIN || code == EWOULDBLOCK {
            return .timeout(endpoint: endpoint, detail: writing ? "could not send within the timeout" : "no reply within the read timeout")
        }
        return .connectionLost(endpoint: endpoint, detail: String(cString: strerror(code)))
    }

    /// Probes a silent peer after 15 s idle, like hiredis' redisEnableKeepAlive.
    private func enableKeepAlive() {
        var on: Int32 = 1, idle: Int32 = 15, interval: Int32 = 5, count: Int32 = 3
        let size = socklen_t(MemoryLayout<Int32>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_KEEPALIVE, &on, size)
        #if os(Linux)
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPIDLE, &idle, size)
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPINTVL, &interval, size)
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_KEEPCNT, &count, size)
        #endif
    }

    private static func connectTCP(host: String, port: Int, endpoint: String, timeout: Double) throws(RedisError) -> SocketStream {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw .connectionRefused(endpoint: endpoint, detail: "cannot resolve host: " + String(cString: gai_strerror(resolved)))
        }
        defer { freeaddrinfo(first) }
        var lastError: RedisError = .connectionRefused(endpoint: endpoint, detail: "no address to connect to")
        var candidate: UnsafeMutablePointer<addrinfo>? = first
        while let info = candidate {
            candidate = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            if fd < 0 { continue }
            do throws(RedisError) {
                try connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen, endpoint: endpoint, timeout: timeout)
                return SocketStream(descriptor: fd, endpoint: endpoint)
            } catch {
                Glibc.close(fd)
                lastError = error
            }
        }
        throw lastError
    }

    /// A non-blocking connect awaited with poll(2), so an unroutable host fails in `timeout`.
    private static func connect(
        _ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t,
        endpoint: String, timeout: Double
    ) throws(RedisError) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        if Glibc.connect(fd, address, length) != 0 {
            guard errno == EINPROGRESS else {
                throw .connectionRefused(endpoint: endpoint, detail: String(cString: strerror(errno)))
            }
            var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(max(1, min(timeout * 1000, Double(Int32.max))))
            var ready: Int32
            repeat { ready = poll(&waiting, 1, milliseconds) } while ready < 0 && errno == EINTR
            if ready == 0 { throw .timeout(endpoint: endpoint, detail: "connect: timed out after \(timeout)s") }
            var code: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &size)
            if ready < 0 { code = errno }
            if code != 0 { throw .connectionRefused(endpoint: endpoint, detail: String(cString: strerror(code))) }
        }
        _ = fcntl(fd, F_SETFL, flags)
    }

    private static func connectUnix(path: String, endpoint: String) throws(RedisError) -> SocketStream {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw .connectionRefused(endpoint: endpoint, detail: "socket path longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .connectionRefused(endpoint: endpoint, detail: String(cString: strerror(errno))) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .connectionRefused(endpoint: endpoint, detail: String(cString: strerror(code)))
        }
        return SocketStream(descriptor: fd, endpoint: endpoint)
    }
}
