import Foundation

/// The names opsdeck dashboards give their connections (`CLIENT SETNAME`), so each can list
/// the others: `opsdeck:<user>@<host>:<instance>`, and while a flip dialog is open
/// `opsdeck:<user>@<host>:<instance>:flipping:<toggle>`. The instance (the process id) tells
/// apart two dashboards of one user on one host, and a dashboard's own connections (a cluster
/// client holds several per node) from the others'. Redis refuses spaces, newlines and
/// anything outside printable ASCII in a name, and `:` separates the parts: those bytes (and
/// `%`) are percent-encoded. Pure.
public enum ClientName {
    public static let prefix = "opsdeck:"
    /// This process's instance.
    public static let thisProcess = String(ProcessInfo.processInfo.processIdentifier)

    /// The name for a dashboard run by `actor` ("alice@box"), flipping `toggle` if given.
    public static func dashboard(_ actor: String, instance: String = thisProcess, flipping toggle: String? = nil) -> String {
        prefix + encode(actor) + ":" + encode(instance) + (toggle.map { ":flipping:" + encode($0) } ?? "")
    }

    /// Who, which instance and what, from a connection's name; nil when it is not a dashboard's.
    public static func parse(_ name: String) -> (who: String, instance: String, flipping: String?)? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty else { return nil }
        let flipping = parts.count >= 4 && parts[2] == "flipping" ? decode(String(parts[3])) : nil
        return (decode(String(parts[0])), decode(String(parts[1])), flipping)
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: ":") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
