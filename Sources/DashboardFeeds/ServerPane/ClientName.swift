/// The names opsdeck dashboards give their connection (`CLIENT SETNAME`), so each can list
/// the others: `opsdeck:<user>@<host>`, and while a flip dialog is open
/// `opsdeck:<user>@<host>:flipping:<toggle>`. Redis refuses spaces, newlines and anything
/// outside printable ASCII in a name, and `:` separates the parts: those bytes (and `%`) are
/// percent-encoded. Pure.
public enum ClientName {
    public static let prefix = "opsdeck:"

    /// The name for a dashboard run by `actor` ("alice@box"), flipping `toggle` if given.
    public static func dashboard(_ actor: String, flipping toggle: String? = nil) -> String {
        prefix + encode(actor) + (toggle.map { ":flipping:" + encode($0) } ?? "")
    }

    /// Who and what, from a connection's name; nil when it is not a dashboard's.
    public static func parse(_ name: String) -> (who: String, flipping: String?)? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        let flipping = parts.count >= 3 && parts[1] == "flipping" ? decode(String(parts[2])) : nil
        return (decode(String(first)), flipping)
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") && byte != UInt8(ascii: ":") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
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

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
