/// One rule for error replies inside a pipeline: an error reply is the server refusing (BUSY,
/// NOPERM, LOADING, OOM, MASTERDOWN…) and is thrown, never read as "the key does not exist".
/// The one exception is WRONGTYPE, which says something about the data — the key holds another
/// type than the command reads — and callers that skip such keys may tolerate it.
///
/// Stateless; pure functions over replies.
public enum ReplyFailure {
    /// True when an error reply is a WRONGTYPE (the key changed type under us).
    public static func isWrongType(_ message: String) -> Bool { message.hasPrefix("WRONGTYPE") }

    /// Throws the typed error of the first error reply in `replies` that is not WRONGTYPE
    /// (or of any error reply when `toleratingWrongType` is false).
    public static func check(_ replies: some Sequence<RedisValue>, toleratingWrongType: Bool = true) throws(RedisError) {
        for reply in replies {
            guard let message = reply.errorMessage else { continue }
            if toleratingWrongType && isWrongType(message) { continue }
            throw RedisError.fromReply(message)
        }
    }
}

extension RedisValue {
    /// The text of a status or bulk reply (e.g. `TYPE`'s answer), throwing an error reply as its
    /// typed error and any other shape as `unexpectedReply`.
    public func text(of command: String) throws(RedisError) -> String {
        if let message = errorMessage { throw RedisError.fromReply(message) }
        guard let text = string else { throw .unexpectedReply(command: command, detail: "expected text, got \(kindName)") }
        return text
    }

    /// The elements of an array reply, throwing an error reply as its typed error.
    public func elements(of command: String) throws(RedisError) -> [RedisValue] {
        if let message = errorMessage { throw RedisError.fromReply(message) }
        guard let elements = array else { throw .unexpectedReply(command: command, detail: "expected an array, got \(kindName)") }
        return elements
    }

    var kindName: String {
        switch self {
        case .status: return "a status"
        case .error: return "an error"
        case .integer: return "an integer"
        case .bulk: return "a string"
        case .null: return "nil"
        case .array: return "an array"
        }
    }
}

extension ReplyView {
    /// The message of an error reply, nil for any other reply.
    public var errorMessage: String? {
        isError ? value.errorMessage : nil
    }
}
