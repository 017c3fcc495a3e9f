/// What a list of strings must look like — HGETALL's field/value pairs, LRANGE's entries — so
/// that a reply of another shape (nil, an integer, a status, nested or nil elements, an odd
/// count) is an error, never read as "nothing there" or as a partial list. Error replies are
/// left to `ReplyFailure` (WRONGTYPE is a fact about the key; others are thrown by callers).
///
/// Stateless; pure functions over replies.
public enum ReplyShape {
    /// Throws `unexpectedReply` unless `reply` is an error reply or an array of bulk strings
    /// (of even length when `pairs`).
    public static func checkStrings(_ reply: ReplyView, of command: String, pairs: Bool = false) throws(RedisError) {
        if reply.isError { return }
        guard reply.isArray else {
            throw .unexpectedReply(command: command, detail: "expected an array of strings, got \(reply.kindName)")
        }
        let count = reply.count
        if pairs && count % 2 != 0 {
            throw .unexpectedReply(command: command, detail: "expected field/value pairs, got an odd number (\(count)) of elements")
        }
        for index in 0..<count where !reply[index].isBulk {
            throw .unexpectedReply(
                command: command, detail: "expected an array of strings, element \(index + 1) is \(reply[index].kindName)")
        }
    }

    /// The same for a copied reply.
    public static func checkStrings(_ reply: RedisValue, of command: String, pairs: Bool = false) throws(RedisError) {
        try checkStrings(ReplyView(value: reply), of: command, pairs: pairs)
    }
}

extension ReplyView {
    /// Whether this is an array reply (not a nil array).
    public var isArray: Bool {
        switch storage {
        case .arena(let node): return node.node.kind == .array
        case .value(let value): return value.array != nil
        }
    }

    /// Whether this is a bulk string (not nil, not a status).
    public var isBulk: Bool {
        switch storage {
        case .arena(let node): return node.node.kind == .bulk
        case .value(let value):
            if case .bulk = value { return true }
            return false
        }
    }

    /// "an array", "nil"… for messages.
    var kindName: String {
        switch storage {
        case .arena(let node):
            switch node.node.kind {
            case .bulk: return "a string"
            case .status: return "a status"
            case .error: return "an error"
            case .integer: return "an integer"
            case .null: return "nil"
            case .array: return "an array"
            }
        case .value(let value): return value.kindName
        }
    }
}

extension ReplyShape {
    /// `checkStrings` on every reply of a pipeline of the same command.
    public static func checkAll(_ replies: some Sequence<RedisValue>, of command: String, pairs: Bool = false) throws(RedisError) {
        for reply in replies { try checkStrings(reply, of: command, pairs: pairs) }
    }
}
