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
        self.init(toggle: toggle, exceptionClass: summary.exceptionClass,
                  message: Self.normalise(String(summary.message.prefix(Self.messageLimit))),
                  frameMethod: summary.frameMethod)
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
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.contains(where: isDigit) else { out.append(contentsOf: run); return }
            var body = run[...]
            if body.count > 2, body[body.startIndex] == "0", body[body.startIndex + 1] == "x" || body[body.startIndex + 1] == "X" {
                body = body.dropFirst(2)
            }
            if body.allSatisfy(isHex) { out.append("#"); return }
            var inDigits = false
            for scalar in run {
                if isDigit(scalar) {
                    if !inDigits { out.append("#") }
                    inDigits = true
                } else {
                    inDigits = false
                    out.append(scalar)
                }
            }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (isDigit(scalar) || isLetter(scalar)) {
                run.append(scalar)
            } else {
                flush()
                out.append(scalar)
            }
        }
        flush()
        return String(out)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }
    private static func isHex(_ s: Unicode.Scalar) -> Bool {
        isDigit(s) || (s.value >= 0x41 && s.value <= 0x46) || (s.value >= 0x61 && s.value <= 0x66)
    }
}
