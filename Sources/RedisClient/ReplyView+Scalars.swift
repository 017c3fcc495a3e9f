#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// A bulk or status reply's bytes, copied (nil for anything else).
    public var bytes: [UInt8]? {
        switch storage {
        case .arena(let node):
            let found = node.node
            guard found.kind == .bulk || found.kind == .status else { return nil }
            return Array(UnsafeBufferPointer(start: node.bytes + found.offset, count: found.length))
        case .value(let value):
            return value.bytes
        }
    }

    /// Whether this is a bulk or status reply starting with `prefix`: compared in place, so a
    /// key the caller drops costs no copy.
    public func starts(with prefix: [UInt8]) -> Bool {
        if prefix.isEmpty { return bytes != nil }
        switch storage {
        case .arena(let node):
            let found = node.node
            guard found.kind == .bulk || found.kind == .status, found.length >= prefix.count else { return false }
            return prefix.withUnsafeBufferPointer { memcmp(node.bytes + found.offset, $0.baseAddress!, prefix.count) == 0 }
        case .value(let value):
            return value.bytes?.starts(with: prefix) ?? false
        }
    }

    /// Whether this is a bulk or status reply holding exactly `text`'s UTF-8 bytes, compared in
    /// place: a poll that re-reads lines it already has (a log list, unchanged or shifted by new
    /// entries) keeps the Strings it made before instead of allocating thousands of equal ones.
    public func holds(_ text: String) -> Bool {
        switch storage {
        case .arena(let node):
            let found = node.node
            guard found.kind == .bulk || found.kind == .status, found.length == text.utf8.count else { return false }
            if found.length == 0 { return true }
            var copy = text
            return copy.withUTF8 { memcmp(node.bytes + found.offset, $0.baseAddress!, found.length) == 0 }
        case .value(.bulk(let bytes)): return bytes.elementsEqual(text.utf8)
        case .value(.status(let status)): return status.utf8.elementsEqual(text.utf8)
        case .value: return false
        }
    }
}
