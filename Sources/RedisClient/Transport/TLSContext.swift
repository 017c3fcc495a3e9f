import COpenSSL

/// An OpenSSL client context (trusted CAs, client certificate) built once from `TLSSettings`
/// and reused for every reconnect of one `RedisConnection`.
///
/// Ownership and threading: owned by one connection, used from its owner's thread; OpenSSL's
/// context is freed with it.
final class TLSContext {
    let settings: TLSSettings
    let handle: UnsafeMutableRawPointer

    init(_ settings: TLSSettings, endpoint: String) throws(RedisError) {
        self.settings = settings
        var message = [CChar](repeating: 0, count: 512)
        let made: UnsafeMutableRawPointer? = settings.caFile.withOptionalCString { ca in
            settings.caDirectory.withOptionalCString { caDir in
                settings.certificateFile.withOptionalCString { cert in
                    settings.keyFile.withOptionalCString { key in
                        var raw = copenssl_settings(
                            ca_file: ca, ca_dir: caDir, cert_file: cert, key_file: key,
                            verify: settings.insecure ? 0 : 1)
                        return copenssl_context_new(&raw, &message, message.count)
                    }
                }
            }
        }
        guard let made else {
            throw .tls(endpoint: endpoint, detail: String(cBuffer: message) + Self.fileHint(settings))
        }
        handle = made
    }

    deinit { copenssl_context_free(handle) }

    /// Which files were involved, for a message about a file that could not be used.
    private static func fileHint(_ settings: TLSSettings) -> String {
        var files: [String] = []
        if let ca = settings.caFile { files.append("--cacert \(ca)") }
        if let dir = settings.caDirectory { files.append("--cacertdir \(dir)") }
        if let cert = settings.certificateFile { files.append("--cert \(cert)") }
        if let key = settings.keyFile { files.append("--key \(key)") }
        return files.isEmpty ? "" : " (from " + files.joined(separator: ", ") + ")"
    }

    /// The linked OpenSSL, e.g. "OpenSSL 3.0.19 1 Jul 2025".
    static var libraryVersion: String { String(cString: copenssl_version()) }
}

extension Optional where Wrapped == String {
    /// Runs `body` with a C string, or with NULL for nil.
    func withOptionalCString<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let text): return text.withCString { body($0) }
        case .none: return body(nil)
        }
    }
}

extension String {
    /// The text in a NUL-terminated C buffer that OpenSSL filled (invalid UTF-8 replaced).
    init(cBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
