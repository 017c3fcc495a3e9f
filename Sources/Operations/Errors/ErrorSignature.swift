/// What makes two errors "the same error": the toggle, the exception class, the message with
/// numbers, ids, hex and UUIDs normalised to `#`, and the top application frame's method
/// (`ExceptionSummary`). `Index 5 out of bounds` and `Index 7 out of bounds` of one toggle at
/// one frame share a signature; another class, another frame or another toggle do not.
///
/// An immutable value; `Sendable`. Computing one reads at most `ExceptionSummary.lineLimit`
/// lines and `messageLimit` characters of the message.
public struct ErrorSignature: Sendable, Hashable, Codable, Comparable {
    public var toggle: String
    public var exceptionClass: String
    /// The message, normalised (`normalise`).
    public var message: String
    public var frameMethod: String

    static let messageLimit = 200

    public init(toggle: String, exceptionClass: String, message: String, frameMethod: String) {
        self.toggle = toggle
        self.exceptionClass = exceptionClass
        self.message = message
        self.frameMethod = frameMethod
    }

    public init(toggle: String, summary: ExceptionSummary) {
        self.init(
            toggle: toggle, exceptionClass: summary.exceptionClass,
            message: Self.normalise(Self.limited(summary.message)),
            frameMethod: summary.frameMethod)
    }

    /// The first `messageLimit` Characters; a message with no more bytes than that is whole,
    /// which spares counting Characters for nearly every message.
    static func limited(_ message: String) -> String {
        message.utf8.count <= messageLimit ? message : String(message.prefix(messageLimit))
    }

    public init(_ record: ErrorRecord) {
        self.init(toggle: record.toggleName, summary: ExceptionSummary(body: record.exceptionBody))
    }

    /// One line naming the signature, stable across runs (the group's id in JSON and on screen).
    public var key: String { [toggle, exceptionClass, message, frameMethod].joined(separator: " | ") }

    public static func < (lhs: ErrorSignature, rhs: ErrorSignature) -> Bool { lhs.key < rhs.key }

    /// Replaces what varies between occurrences of one error with `#`: in each run of ASCII
    /// letters and digits that holds a digit, a run of only hex characters (`8f3a2b`, a UUID's
    /// parts, `0x1F`) becomes `#`, otherwise each run of digits does (`user42` → `user#`).
    /// Text without digits is unchanged, so words stay words.
    public static func normalise(_ text: String) -> String {
        // Bytes: the rule looks only at ASCII letters and digits, and every byte of a non-ASCII
        // scalar is neither, so reading UTF-8 gives the scalar rule's result at a third the cost.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var run: [UInt8] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.contains(where: isDigit) else {
                out.append(contentsOf: run)
                return
            }
            var body = run[...]
            if body.count > 2, body[body.startIndex] == UInt8(ascii: "0"), body[body.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
                body = body.dropFirst(2)
            }
            if body.allSatisfy(isHex) {
                out.append(UInt8(ascii: "#"))
                return
            }
            var inDigits = false
            for byte in run {
                if isDigit(byte) {
                    if !inDigits { out.append(UInt8(ascii: "#")) }
                    inDigits = true
                } else {
                    inDigits = false
                    out.append(byte)
                }
            }
        }
        for byte in text.utf8 {
            if isDigit(byte) || isLetter(byte) {
                run.append(byte)
            } else {
                flush()
                out.append(byte)
            }
        }
        flush()
        return String(decoding: out, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }
}
