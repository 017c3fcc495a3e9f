import ArgumentParser
import Foundation
import Operations
import RedisClient

/// redis-cli's TLS flags. TLS is on with `--tls`, a `rediss://` URL, or a context's `tls:`
/// block; the flags override the block key by key.
struct TLSOptions: ParsableArguments {
    @Flag(name: .long, help: "Connect over TLS (as a rediss:// URL does); the server's certificate and name are verified.")
    var tls = false

    @Option(name: .long, help: ArgumentHelp("CA certificate(s) to trust instead of the system's (PEM).", valueName: "file"))
    var cacert: String?

    @Option(name: .long, help: ArgumentHelp("Directory of trusted CA certificates (c_rehash'ed).", valueName: "dir"))
    var cacertdir: String?

    @Option(name: .long, help: ArgumentHelp("Client certificate for mutual TLS (PEM).", valueName: "file"))
    var cert: String?

    @Option(name: .long, help: ArgumentHelp("Private key of the client certificate (PEM).", valueName: "file"))
    var key: String?

    @Option(name: .long, help: ArgumentHelp("Server name to send (SNI) and to verify the certificate against.", valueName: "name"))
    var sni: String?

    @Flag(name: .long, help: "Do not verify the server's certificate or name (testing only; shown on screen).")
    var insecure = false

    /// The endpoint's TLS settings: nil for plaintext. `fromURL` is what the URL said (rediss://).
    func resolve(fromURL: TLSSettings?, context: TLSConfig?, isUnixSocket: Bool) throws -> TLSSettings? {
        let anyFileOption = cacert != nil || cacertdir != nil || cert != nil || key != nil || sni != nil || insecure
        guard tls || fromURL != nil || context != nil else {
            if anyFileOption {
                throw ValidationError(
                    "--cacert, --cacertdir, --cert, --key, --sni and --insecure are for TLS: add --tls or use a rediss:// URL")
            }
            return nil
        }
        if isUnixSocket { throw ValidationError("TLS needs a host and port; a Unix socket is local and plaintext (drop --tls)") }
        if key != nil && cert == nil && context?.cert == nil {
            throw ValidationError("--key needs --cert (the client certificate it belongs to)")
        }
        var settings = fromURL ?? TLSSettings()
        settings.caFile = Self.path(cacert ?? context?.cacert)
        settings.caDirectory = Self.path(cacertdir ?? context?.cacertdir)
        settings.certificateFile = Self.path(cert ?? context?.cert)
        settings.keyFile = Self.path(key ?? context?.key)
        settings.serverName = sni ?? context?.sni
        settings.insecure = insecure || (context?.insecure ?? false)
        for (flag, file) in [("--cacert", settings.caFile), ("--cert", settings.certificateFile), ("--key", settings.keyFile)] {
            if let file, !FileManager.default.isReadableFile(atPath: file) {
                throw ValidationError("\(flag) \(file): no such readable file")
            }
        }
        return settings
    }

    /// `~/…` as the shell would expand it (config files are not expanded by a shell).
    private static func path(_ text: String?) -> String? {
        guard let text else { return nil }
        if text.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + text.dropFirst()
        }
        return text
    }
}
