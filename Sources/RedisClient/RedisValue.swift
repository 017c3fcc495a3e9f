/// A reply from Redis, copied out of hiredis memory as soon as it is read.
///
/// Values are immutable and `Sendable`, so a poller on a background queue can hand them to the
/// main queue. Bulk strings stay bytes (Redis is binary-safe); `string` decodes them as UTF-8,
/// replacing invalid sequences with U+FFFD so untrusted data can never fail to decode.
public enum RedisValue: Sendable, Hashable {
    case status(String)
    case error(String)
    case integer(Int64)
    case bulk([UInt8])
    case null
    case array([RedisValue])

    /// The value as text: bulk strings decoded leniently, statuses and integers as written.
    public var string: String? {
        switch self {
        case .bulk(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .status(let text): return text
        case .integer(let number): return String(number)
        case .error, .null, .array: return nil
        }
    }

    /// The raw bytes of a bulk or status reply.
    public var bytes: [UInt8]? {
        switch self {
        case .bulk(let bytes): return bytes
        case .status(let text): return Array(text.utf8)
        case .integer(let number): return Array(String(number).utf8)
        case .error, .null, .array: return nil
        }
    }

    /// An integer reply, or a bulk/status reply that spells one (RediSearch 1.x sends counts as text).
    public var int: Int64? {
        switch self {
        case .integer(let number): return number
        case .bulk, .status: return string.flatMap { Int64($0) }
        case .error, .null, .array: return nil
        }
    }

    public var array: [RedisValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The error message of an error reply.
    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }

    /// Returns the value itself, or throws the typed error an error reply stands for.
    public func throwingOnError() throws(RedisError) -> RedisValue {
        if case .error(let message) = self { throw RedisError.fromReply(message) }
        return self
    }

    /// A flat `[field, value, field, value…]` array (HGETALL, CONFIG GET) as ordered pairs.
    public var pairs: [(String, String)]? {
        guard let elements = array else { return nil }
        var result: [(String, String)] = []
        result.reserveCapacity(elements.count / 2)
        var index = 0
        while index + 1 < elements.count {
            result.append((elements[index].string ?? "", elements[index + 1].string ?? ""))
            index += 2
        }
        return result
    }
}
