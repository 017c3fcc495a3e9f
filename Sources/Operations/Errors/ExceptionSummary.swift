/// The informative part of an exception body: its class, its message and its first
/// application frame, without the `Exception in thread "main"` boilerplate and without frames of
/// the runtime (`java.`, `javax.`, `sun.`, `jdk.`, `com.sun.`). The one rule behind the Errors
/// table's exception column, the group rows, the CLI table and the incident export.
///
/// Reads at most `lineLimit` lines, so a 10 MB body costs what a short one does. An immutable
/// value; `Sendable`.
public struct ExceptionSummary: Sendable, Hashable, Codable {
    /// The exception's class as written (`java.lang.ArrayIndexOutOfBoundsException`); empty when
    /// the body's first line is not `Class: message` (plain text errors).
    public var exceptionClass: String
    /// The message after the class (or the whole first line of a plain text error).
    public var message: String
    /// The first application frame as `File.java:88`; empty when there is none.
    public var frame: String
    /// The first application frame's method (`com.example.Cart.add`), for the signature.
    public var frameMethod: String

    static let lineLimit = 200
    static let runtimePrefixes = ["java.", "javax.", "sun.", "jdk.", "com.sun.", "kotlin.", "scala."]

    public init(exceptionClass: String, message: String, frame: String = "", frameMethod: String = "") {
        self.exceptionClass = exceptionClass
        self.message = message
        self.frame = frame
        self.frameMethod = frameMethod
    }

    public init(body: String) {
        // Bytes, not Characters: grapheme breaking made this the cost of grouping (benchmark 8);
        // lines are found one at a time, since the frame is usually within the first few.
        var header: Substring.UTF8View?
        var frame = ""
        var method = ""
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let cr = UInt8(ascii: "\r"), open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        let bytes = body.utf8
        var next = bytes.startIndex
        for _ in 0..<Self.lineLimit where next < bytes.endIndex {
            let end = bytes[next...].firstIndex(of: newline) ?? bytes.endIndex
            let raw = bytes[next..<end]
            next = end < bytes.endIndex ? bytes.index(after: end) : end
            var line = raw.drop { $0 == space || $0 == tab || $0 == cr }
            while let last = line.last, last == space || last == tab || last == cr { line = line.dropLast() }
            if line.isEmpty { continue }
            if header == nil {
                header = Substring(line).utf8
                continue
            }
            guard line.starts(with: Self.atPrefix) else { continue }
            let call = line.dropFirst(3)
            let name = call.prefix { $0 != open }
            if Self.runtimePrefixBytes.contains(where: { name.starts(with: $0) }) { continue }
            method = String(Substring(name))
            if let o = call.firstIndex(of: open), let c = call.lastIndex(of: close), o < c {
                frame = String(Substring(call[call.index(after: o)..<c]))
            } else {
                frame = method
            }
            break
        }
        var text = header.map { String(Substring($0)) } ?? ""
        // `Exception in thread "main" java.lang.X: msg`: the thread part says nothing.
        if text.utf8.starts(with: Self.threadPrefix) {
            let name = text.utf8.index(text.utf8.startIndex, offsetBy: Self.threadPrefix.count)
            if let close = text.utf8[name...].firstIndex(of: UInt8(ascii: "\"")) {
                text = String(text[text.utf8.index(after: close)...]).trimmingSpaces
            }
        }
        if text.utf8.starts(with: Self.causedByPrefix) { text = String(text.utf8.dropFirst(Self.causedByPrefix.count))! }
        let (cls, message) = Self.splitClass(text)
        self.init(exceptionClass: cls, message: message, frame: frame, frameMethod: method)
    }

    static let atPrefix = Array("at ".utf8)
    static let threadPrefix = Array("Exception in thread \"".utf8)
    static let causedByPrefix = Array("Caused by: ".utf8)
    static let runtimePrefixBytes = runtimePrefixes.map { Array($0.utf8) }

    /// `pkg.Name: message` or a lone `pkg.Name(Exception|Error)`; anything else is a message.
    static func splitClass(_ text: String) -> (String, String) {
        let candidate: Substring
        let rest: Substring
        if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) {
            candidate = text[..<colon]
            rest = text[text.utf8.index(after: colon)...]
        } else {
            candidate = Substring(text)
            rest = ""
        }
        guard isClassName(candidate) else { return ("", text) }
        return (String(candidate), String(rest).trimmingSpaces)
    }

    /// Letters, digits, `.`, `_` and `$`, starting with a letter, with a package or a class
    /// name that says it is one. Java names are mostly ASCII, so those are read as bytes
    /// (Characters made this the cost of grouping, benchmark 8); others as Characters.
    static func isClassName(_ candidate: Substring) -> Bool {
        let bytes = candidate.utf8
        guard let first = bytes.first else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return candidate.allSatisfy { $0.isLetter || $0.isNumber || "._$".contains($0) }
                && (candidate.contains(".") || candidate.hasSuffix("Exception") || candidate.hasSuffix("Error"))
                && candidate.first?.isLetter == true
        }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        var dot = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                dot = true
                continue
            }
            guard
                isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
            else { return false }
        }
        return isLetter(first)
            && (dot || bytes.suffix(Self.exceptionBytes.count).elementsEqual(Self.exceptionBytes)
                || bytes.suffix(Self.errorBytes.count).elementsEqual(Self.errorBytes))
    }

    static let exceptionBytes = Array("Exception".utf8)
    static let errorBytes = Array("Error".utf8)

    /// The class without its package: `ArrayIndexOutOfBoundsException`.
    public var shortClass: String {
        guard let dot = exceptionClass.lastIndex(of: ".") else { return exceptionClass }
        return String(exceptionClass[exceptionClass.index(after: dot)...])
    }

    /// `ArrayIndexOutOfBoundsException: Index 5 out of bounds` (class and message, no frame).
    public var headline: String {
        if shortClass.isEmpty { return message }
        return message.isEmpty ? shortClass : shortClass + ": " + message
    }

    /// `ArrayIndexOutOfBoundsException: Index 5 · Cart.java:88`: the headline and the frame, for
    /// outputs without a width (CLI, export). The dashboard fits the two parts to its column.
    public var line: String { frame.isEmpty ? headline : headline + " · " + frame }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
        return String(scalars[first...last])
    }
}
