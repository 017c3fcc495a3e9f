import Foundation
import RedisClient
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A RESP server on an OS-chosen loopback port that relays each command to a real
/// redis-server (one `RedisConnection` per client connection) and breaks the ones its
/// `FaultRule`s name: hostile replies (`HostileReply`), lost replies, half-open links,
/// truncation, 1-byte dribbles, latency, resets. Being command-aware, it can let a command reach
/// the server and lose its reply, which a byte-level proxy cannot aim at.
///
/// Ownership and threading: the test that starts it owns it and calls `stop()` (also run on
/// deinit). One accept thread plus one thread per client connection; counters are behind a
/// mutex. Replies the server pushes unasked (SUBSCRIBE messages) are not relayed.
public final class FaultProxy: @unchecked Sendable {
    public let port: Int
    private let backend: RedisEndpoint
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var rules: [FaultRule] = []
        var matched: [Int] = []
        var clients: [Int32] = []
        var stopped = false
        var commands: [String] = []
    }

    /// Listens on 127.0.0.1 (a port the OS chooses: no race) in front of `backend`.
    public init(backend: RedisEndpoint, rules: [FaultRule] = []) throws {
        self.backend = backend
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw OpsdeckRun.Failure(description: "socket() failed") }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard let chosen = bindLoopback(fd), listen(fd, 64) == 0 else {
            close(fd)
            throw OpsdeckRun.Failure(description: "fault proxy: could not listen on a loopback port")
        }
        listener = fd
        port = chosen
        setRules(rules)
        let thread = Thread { [weak self] in self?.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The proxy's address, as the server's URL would be.
    public var url: String { "redis://127.0.0.1:\(port)" }

    public var endpoint: RedisEndpoint {
        var endpoint = backend
        endpoint.address = .tcp(host: "127.0.0.1", port: port)
        return endpoint
    }

    /// Replaces the rules (and their counts) for commands from now on.
    public func setRules(_ rules: [FaultRule]) {
        state.withLock {
            $0.rules = rules
            $0.matched = Array(repeating: 0, count: rules.count)
        }
    }

    /// The names of the commands clients sent, in order (for "was it sent at all" checks).
    public var commandNames: [String] { state.withLock { $0.commands } }

    /// Closes the listener and every client connection; the threads end on their own.
    public func stop() {
        let clients: [Int32]? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.clients
        }
        guard let clients else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for client in clients { shutdown(client, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.clients.append(client)
                return true
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            guard accepted else {
                close(client)
                return
            }
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer {
            state.withLock { $0.clients.removeAll { $0 == client } }
            close(client)
        }
        let upstream = RedisConnection(options: RedisConnectionOptions(endpoint: backend, readTimeout: 30, clientName: nil))
        defer { upstream.close() }
        var parser = RequestParser()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return }
            parser.append(chunk[0..<count])
            while let command = parser.next() {
                guard handle(command, client: client, upstream: upstream) else { return }
            }
        }
    }

    /// Answers one command; false when the connection is done with.
    private func handle(_ command: [[UInt8]], client: Int32, upstream: RedisConnection) -> Bool {
        let name = String(decoding: command.first ?? [], as: UTF8.self).uppercased()
        let fault = state.withLock { state -> Fault? in
            state.commands.append(name)
            for (index, rule) in state.rules.enumerated() {
                let handshake = ["AUTH", "SELECT", "CLIENT", "HELLO"].contains(name)
                guard rule.command == name || (rule.command == nil && !handshake) else { continue }
                state.matched[index] += 1
                let seen = state.matched[index]
                if let times = rule.times, seen > times * rule.every { continue }
                if seen % rule.every == 0 { return rule.fault }
            }
            return nil
        }
        func relay() -> [UInt8] {
            let reply: RedisValue
            do {
                reply = try upstream.send([RedisCommand(arguments: command)])[0]
            } catch {
                reply = .error("ERR fault proxy: backend failed: \(error)")
            }
            return RESPWriter.encode(reply)
        }
        guard let fault else { return Self.write(client, relay()) }
        switch fault {
        case .reply(let bytes):
            return Self.write(client, bytes)
        case .endless(let prefix, let chunk):
            guard Self.write(client, prefix) else { return false }
            let block = Array(repeating: chunk, count: max(1, 16 * 1024 / max(chunk.count, 1))).flatMap { $0 }
            while Self.write(client, block) {}
            return false
        case .replyThenClose(let bytes):
            _ = Self.write(client, bytes)
            return false
        case .replyThenHang(let bytes):
            guard Self.write(client, bytes) else { return false }
            return hang(client)
        case .dropBeforeCommand:
            return false
        case .dropAfterCommand:
            _ = relay()
            return false
        case .hangAfterCommand:
            _ = relay()
            return hang(client)
        case .resetBeforeCommand:
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(client, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            return false
        case .truncate(let bytes):
            _ = Self.write(client, Array(relay().prefix(bytes)))
            return false
        case .dribble(let bytes, let interval):
            let reply = relay()
            var start = 0
            while start < reply.count {
                let end = min(reply.count, start + max(bytes, 1))
                guard Self.write(client, Array(reply[start..<end])) else { return false }
                start = end
                Thread.sleep(forTimeInterval: interval)
            }
            return true
        case .delay(let seconds):
            let reply = relay()
            Thread.sleep(forTimeInterval: seconds)
            return Self.write(client, reply)
        }
    }

    /// Keeps the connection open and silent until the client closes it or the proxy stops.
    private func hang(_ client: Int32) -> Bool {
        var byte: UInt8 = 0
        while recv(client, &byte, 1, 0) > 0 {}
        return false
    }

    private static func write(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }
}
