/// A Redis key as Redis knows it: bytes, which need not be valid UTF-8.
///
/// Keys are kept as bytes so a key with invalid UTF-8 can still be read and written back exactly;
/// `text` is only for display and matching.
public struct RedisKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The key decoded as UTF-8, invalid sequences replaced by U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { text }

    public static func < (lhs: RedisKey, rhs: RedisKey) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

extension RedisKey: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(value) }
}
