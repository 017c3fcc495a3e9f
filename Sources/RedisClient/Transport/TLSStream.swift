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

    private init(socket: SocketStream, session: UnsafeMutableRawPointer, endpoint: String) {
        self.socket = socket
        self.session = session
        self.endpoint = endpoint
        var text = [CChar](repeating: 0, count: 128)
        copenssl_session_describe(session, &text, text.count)
        security = String(cString: text)
    }

    deinit { close() }

    /// Runs the handshake on `socket` within `handshakeTimeout`, then bounds reads by `readTimeout`.
    static func open(over socket: SocketStream, context: TLSContext, host: String, endpoint: String,
                     handshakeTimeout: Double, readTimeout: Double) throws(RedisError) -> TLSStream {
        socket.setTimeouts(handshakeTimeout)
        let settings = context.settings
        let name = settings.serverName ?? host
        var outcome = COPENSSL_OK
        var verifyCode = 0
        var message = [CChar](repeating: 0, count: 512)
        let session: UnsafeMutableRawPointer? = name.withCString { serverName in
            (settings.insecure ? nil : name).withOptionalCString { verifyHost in
                copenssl_connect(context.handle, socket.descriptor, serverName, verifyHost,
                                 &outcome, &verifyCode, &message, message.count)
            }
        }
        guard let session else {
            socket.close()
            throw explain(outcome, verifyCode: verifyCode, detail: String(cString: message), name: name,
                          endpoint: endpoint, settings: settings, handshake: true)
        }
        socket.setTimeouts(readTimeout)
        return TLSStream(socket: socket, session: session, endpoint: endpoint)
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        guard let session else { throw .connectionLost(endpoint: endpoint, detail: "not connected") }
        var outcome = COPENSSL_OK
        var message = [CChar](repeating: 0, count: 256)
        guard copenssl_write_all(session, bytes.baseAddress, bytes.count, &outcome, &message, message.count) == 1 else {
            throw failure(outcome, String(cString: message), writing: true)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(RedisError) -> Int {
        guard let session else { throw .connectionLost(endpoint: endpoint, detail: "not connected") }
        var outcome = COPENSSL_OK
        var message = [CChar](repeating: 0, count: 256)
        let count = copenssl_read(session, buffer.baseAddress, buffer.count, &outcome, &message, message.count)
        if count > 0 { return count }
        throw failure(outcome, String(cString: message), writing: false)
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
            return Self.explain(outcome, verifyCode: 0, detail: detail, name: "", endpoint: endpoint,
                                settings: TLSSettings(), handshake: false)
        }
    }

    /// The one place TLS failures are worded: what happened and what to do about it.
    static func explain(_ outcome: copenssl_outcome, verifyCode: Int, detail: String, name: String,
                        endpoint: String, settings: TLSSettings, handshake: Bool) -> RedisError {
        let certs = "Pass --cacert FILE with the CA that signed it (or --cacertdir DIR), or --insecure to skip verification (not for production)"
        switch outcome {
        case COPENSSL_TIMEOUT:
            return .timeout(endpoint: endpoint, detail: "TLS handshake: timed out (is this a TLS port?)")
        case COPENSSL_CLOSED where handshake:
            return .tls(endpoint: endpoint, detail: "the server closed the connection during the TLS handshake. "
                        + "It may not speak TLS on this port, or it refused our certificate")
        case COPENSSL_CLOSED:
            return .connectionLost(endpoint: endpoint, detail: "server closed the connection")
        case COPENSSL_VERIFY_FAILED:
            switch verifyCode {
            case COPENSSL_VERIFY_HOSTNAME_MISMATCH, COPENSSL_VERIFY_IP_MISMATCH:
                return .tls(endpoint: endpoint, detail: "the server's certificate is not for '\(name)' (host-name mismatch). "
                            + "Connect by a name the certificate holds, or pass --sni NAME with one")
            case COPENSSL_VERIFY_EXPIRED:
                return .tls(endpoint: endpoint, detail: "the server's certificate has expired. Renew it on the server")
            case COPENSSL_VERIFY_NOT_YET_VALID:
                return .tls(endpoint: endpoint, detail: "the server's certificate is not valid yet (check the clocks)")
            case COPENSSL_VERIFY_SELF_SIGNED, COPENSSL_VERIFY_SELF_SIGNED_IN_CHAIN,
                 COPENSSL_VERIFY_UNKNOWN_ISSUER, COPENSSL_VERIFY_UNKNOWN_ISSUER_CERT,
                 COPENSSL_VERIFY_LEAF_NOT_SIGNED:
                let trusted = settings.caFile != nil || settings.caDirectory != nil ? "the given CA" : "the system's CAs"
                return .tls(endpoint: endpoint, detail: "the server's certificate is signed by an unknown CA (\(detail); "
                            + "not trusted by \(trusted)). " + certs)
            default:
                return .tls(endpoint: endpoint, detail: "the server's certificate did not verify (\(detail)). " + certs)
            }
        case COPENSSL_NOT_TLS:
            return .tls(endpoint: endpoint, detail: "the server did not answer in TLS (\(detail)): this looks like a "
                        + "plaintext port. Use redis:// without --tls, or the server's TLS port")
        case COPENSSL_CERT_REQUIRED:
            return .tls(endpoint: endpoint, detail: "the server requires a client certificate and refused the connection "
                        + "(\(detail)). Pass --cert FILE and --key FILE with a certificate its CA accepts")
        case COPENSSL_SETUP_FAILED:
            return .tls(endpoint: endpoint, detail: detail)
        default:
            return .tls(endpoint: endpoint, detail: detail.isEmpty ? "TLS error" : detail)
        }
    }
}
