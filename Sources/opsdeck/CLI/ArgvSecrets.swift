import Foundation
import RedisClient

/// Keeps passwords typed in a URL (`--url redis://user:PASSWORD@host`) out of `ps` for the life
/// of the process: Linux shows `/proc/PID/cmdline` straight from the process's argv memory, so
/// the password's bytes are overwritten there in place once the arguments are parsed (the
/// parsed copy keeps the real value). The window between exec and this call remains, so the
/// warning still points to REDISCLI_AUTH / --askpass, as redis-cli's does. Main thread, once.
enum ArgvSecrets {
    /// Masks every password found in a URL-looking argument; true when there was one.
    @discardableResult
    static func maskPasswords() -> Bool {
        var masked = false
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let text = String(cString: pointer)
            guard text.contains("@"), let range = RedisEndpoint.passwordRange(in: text) else { continue }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let length = text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            for offset in start..<(start + length) { pointer[offset] = CChar(UInt8(ascii: "*")) }
            masked = true
        }
        return masked
    }

    static let warning =
        "warning: a password on the command line can be seen by other users (ps, shell history). "
        + "It is masked in this process's arguments now, but use REDISCLI_AUTH or --askpass instead."
}
