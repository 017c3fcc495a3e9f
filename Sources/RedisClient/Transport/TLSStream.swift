import COpenSSL

/// TLS (OpenSSL) over a connected `SocketStream`: the handshake verifies the server's
/// certificate and host name unless the settings say `insecure`, and every failure is worded
/// for the person who has to fix it (`TLSStream.explain`).
///
/// Ownership and threading: see `ByteStream`; owns the socket beneath it.
final class TLSStream: ByteStream {
    private let socket: SocketStream
    private var session: UnsafeMutableRawPointer?
    private let endpoint: String
    private(set) var security: String?
    /// Where OpenSSL writes a failure's reason: one buffer for the stream's life, not an
    /// allocation per read (a snapshot is a hundred reads).
    private var message = [CChar](repeating: 0, count: TLSStream.messageCapacity)
    private static let messageCapacity = 256

    private init(socket: SocketStream, session: UnsafeMutableRawPointer, endpoint: String) {
        self.socket = socket
        self.session = session
        self.endpoint = endpoint
        var text = [CChar](repeating: 0, count: 128)
        copenssl_session_describe(session, &text, text.count)
        security = String(cBuffer: text)
    }

    deinit { close() }

    func setTimeouts(_ seconds: Double) { socket.setTimeouts(seconds) }

    /// Runs the handshake on `socket` within `handshakeTimeout`, then bounds reads by `readTimeout`.
    ///
    /// A plaintext Redis never answers a ClientHello (it waits for a newline after the NUL
    /// bytes its inline parser stops at), so a handshake silent for `probeAfter` seconds is
    /// checked with a plaintext PING on a second connection: an answer means a plaintext port,
    /// said at once instead of after the whole timeout. Otherwise the handshake resumes.
    static func open(
        over socket: SocketStream, context: TLSContext, address: RedisEndpoint.Address, host: String,
        endpoint: String, handshakeTimeout: Double, readTimeout: Double,
        probeAfter: Double = 0.5
    ) throws(RedisError) -> TLSStream {
        let settings = context.settings
        let name = settings.serverName ?? host
        var message = [CChar](repeating: 0, count: 512)
        let made: UnsafeMutableRawPointer? = name.withCString { serverName in
            (settings.insecure ? nil : name).withOptionalCString { verifyHost in
                copenssl_session_new(context.handle, socket.descriptor, serverName, verifyHost, &message, message.count)
            }
        }
        guard let session = made else {
            socket.close()
            throw .tls(endpoint: endpoint, detail: String(cBuffer: message))
        }
        var outcome = COPENSSL_OK
        var verifyCode = 0
        let firstWait = min(probeAfter, handshakeTimeout)
        socket.setTimeouts(firstWait)
        var done = copenssl_handshake(session, &outcome, &verifyCode, &message, message.count) == 1
        if !done && outcome == COPENSSL_TIMEOUT && handshakeTimeout > firstWait {
            if Self.answersPlaintext(address, endpoint: endpoint) {
                outcome = COPENSSL_NOT_TLS
                message = Array("it answered a plaintext PING".utf8CString)
            } else {
                socket.setTimeouts(handshakeTimeout - firstWait)
                done = copenssl_handshake(session, &outcome, &verifyCode, &message, message.count) == 1
            }
        }
        guard done else {
            copenssl_session_free(session)
            socket.close()
            throw explain(
                outcome, verifyCode: verifyCode, detail: String(cBuffer: message), name: name,
                endpoint: endpoint, settings: settings, handshake: true)
        }
        socket.setTimeouts(readTimeout)
        return TLSStream(socket: socket, session: session, endpoint: endpoint)
    }

    /// Whether a plaintext RESP server answers at `address` (a status or error reply to PING).
    static func answersPlaintext(_ address: RedisEndpoint.Address, endpoint: String) -> Bool {
        guard let probe = try? SocketStream.open(address, endpoint: endpoint, connectTimeout: 0.5, readTimeout: 0.5) else {
            return false
        }
        defer { probe.close() }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 8, alignment: 1)
        defer { buffer.deallocate() }
        let ping = "PING\r\n".utf8
        for (index, byte) in ping.enumerated() { buffer[index] = byte }
        do {
            try probe.write(UnsafeRawBufferPointer(rebasing: buffer[..<ping.count]))
            let count = try probe.read(into: buffer)
            return count >= 1 && (buffer[0] == UInt8(ascii: "+") || buffer[0] == UInt8(ascii: "-"))
        } catch {
            return false
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        guard let session else { throw .connectionLost(endpoint: endpoint, detail: "not connected") }
        var outcome = COPENSSL_OK
        guard copenssl_write_all(session, bytes.baseAddress, bytes.count, &outcome, &message, Self.messageCapacity) == 1 else {
            throw failure(outcome, String(cBuffer: message), writing: true)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        guard let session else { throw .connectionLost(endpoint: endpoint, detail: "not connected") }
        var outcome = COPENSSL_OK
        let count = copenssl_read(session, buffer.baseAddress, buffer.count, &outcome, &message, Self.messageCapacity)
        if count > 0 { return count }
        throw failure(outcome, String(cBuffer: message), writing: false)
    }

    func readAvailable(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        guard let session else { throw .connectionLost(endpoint: endpoint, detail: "not connected") }
        // Decrypted bytes already buffered, or a record arriving on the socket (whose rest
        // follows within the read timeout).
        guard copenssl_pending(session) > 0 || socket.hasInput else { return 0 }
        return try read(into: buffer)
    }

    func close() {
        if let session { copenssl_session_free(session) }
        session = nil
        socket.close()
    }

    private func failure(_ outcome: copenssl_outcome, _ detail: String, writing: Bool) -> RedisError {
        switch outcome {
        case COPENSSL_TIMEOUT:
            return .timeout(endpoint: endpoint, detail: writing ? "could not send within the timeout" : "no reply within the read timeout")
        case COPENSSL_CLOSED:
            return .connectionLost(endpoint: endpoint, detail: "server closed the connection")
        default:
            return Self.explain(
                outcome, verifyCode: 0, detail: detail, name: "", endpoint: endpoint,
                settings: TLSSettings(), handshake: false)
        }
    }

    /// The one place TLS failures are worded: what happened and what to do about it.
    static func explain(
        _ outcome: copenssl_outcome, verifyCode: Int, detail: String, name: String,
        endpoint: String, settings: TLSSettings, handshake: Bool
    ) -> RedisError {
        let certs =
            "Pass --cacert FILE with the CA that signed it (or --cacertdir DIR), or --insecure to skip verification (not for production)"
        switch outcome {
        case COPENSSL_TIMEOUT:
            return .timeout(endpoint: endpoint, detail: "TLS handshake: no answer; if this is a plaintext port, use redis:// without --tls")
        case COPENSSL_CLOSED where handshake:
            return .tls(
                endpoint: endpoint,
                detail: "the server closed the connection during the TLS handshake: "
                    + "this looks like a plaintext port (use redis:// without --tls), or the server refused our certificate")
        case COPENSSL_CLOSED:
            return .connectionLost(endpoint: endpoint, detail: "server closed the connection")
        case COPENSSL_VERIFY_FAILED:
            switch verifyCode {
            case COPENSSL_VERIFY_HOSTNAME_MISMATCH, COPENSSL_VERIFY_IP_MISMATCH:
                return .tls(
                    endpoint: endpoint,
                    detail: "the server's certificate is not for '\(name)' (host-name mismatch). "
                        + "Connect by a name the certificate holds, or pass --sni NAME with one")
            case COPENSSL_VERIFY_EXPIRED:
                return .tls(endpoint: endpoint, detail: "the server's certificate has expired. Renew it on the server")
            case COPENSSL_VERIFY_NOT_YET_VALID:
                return .tls(endpoint: endpoint, detail: "the server's certificate is not valid yet (check the clocks)")
            case COPENSSL_VERIFY_SELF_SIGNED, COPENSSL_VERIFY_SELF_SIGNED_IN_CHAIN,
                COPENSSL_VERIFY_UNKNOWN_ISSUER, COPENSSL_VERIFY_UNKNOWN_ISSUER_CERT,
                COPENSSL_VERIFY_LEAF_NOT_SIGNED:
                let trusted = settings.caFile != nil || settings.caDirectory != nil ? "the given CA" : "the system's CAs"
                return .tls(
                    endpoint: endpoint,
                    detail: "the server's certificate is signed by an unknown CA (\(detail); "
                        + "not trusted by \(trusted)). " + certs)
            default:
                return .tls(endpoint: endpoint, detail: "the server's certificate did not verify (\(detail)). " + certs)
            }
        case COPENSSL_NOT_TLS:
            return .tls(
                endpoint: endpoint,
                detail: "the server did not answer in TLS (\(detail)): this looks like a "
                    + "plaintext port. Use redis:// without --tls, or the server's TLS port")
        case COPENSSL_CERT_REQUIRED:
            return .tls(
                endpoint: endpoint,
                detail: "the server requires a client certificate and refused the connection "
                    + "(\(detail)). Pass --cert FILE and --key FILE with a certificate its CA accepts")
        case COPENSSL_SETUP_FAILED:
            return .tls(endpoint: endpoint, detail: detail)
        default:
            return .tls(endpoint: endpoint, detail: detail.isEmpty ? "TLS error" : detail)
        }
    }
}
