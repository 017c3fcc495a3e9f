extension ReplyView {
    /// Whether this is a nil reply (a nil bulk or a nil array).
    public var isNull: Bool {
        switch storage {
        case .arena(let node): return node.node.kind == .null
        case .value(let value):
            if case .null = value { return true }
            return false
        }
    }

    /// An integer reply, or a bulk or status reply holding one, as `RedisValue.int` reads it.
    public var int: Int64? {
        switch storage {
        case .arena(let node):
            switch node.node.kind {
            case .integer: return Int64(node.node.offset)
            case .bulk, .status: return Int64(node.text)
            case .error, .null, .array: return nil
            }
        case .value(let value):
            return value.int
        }
    }
}
