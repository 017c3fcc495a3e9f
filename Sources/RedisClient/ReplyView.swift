#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A read-only look at one reply, for callers that turn thousands of replies into their own
/// types: strings are read straight from the connection's reply arena, skipping the
/// intermediate `RedisValue` tree (its allocations and frees were ~40% of a 10,000-toggle
/// snapshot).
///
/// Valid only inside the closure it is passed to (the arena is reused for the next reply);
/// never store it. Used on the connection owner's thread.
public struct ReplyView {
    /// Pointers into a `ReplyArena`, which does not move or change while the view is handed out.
    struct ArenaNode {
        let nodes: UnsafePointer<ReplyArena.Node>
        let bytes: UnsafePointer<UInt8>
        let slots: UnsafePointer<Int>
        let index: Int

        var node: ReplyArena.Node { nodes[index] }

        func child(_ position: Int) -> ArenaNode? {
            let node = self.node
            guard node.kind == .array, position >= 0, position < node.length else { return nil }
            let index = slots[node.offset + position]
            guard index >= 0 else { return nil }
            return ArenaNode(nodes: nodes, bytes: bytes, slots: slots, index: index)
        }

        var text: String {
            let node = self.node
            return String(decoding: UnsafeBufferPointer(start: bytes + node.offset, count: node.length), as: UTF8.self)
        }

        var value: RedisValue {
            let node = self.node
            switch node.kind {
            case .bulk: return .bulk(Array(UnsafeBufferPointer(start: bytes + node.offset, count: node.length)))
            case .status: return .status(text)
            case .error: return .error(text)
            case .integer: return .integer(Int64(node.offset))
            case .null: return .null
            case .array:
                var elements: [RedisValue] = []
                elements.reserveCapacity(node.length)
                for position in 0..<node.length { elements.append(child(position)?.value ?? .null) }
                return .array(elements)
            }
        }
    }

    enum Storage {
        case arena(ArenaNode)
        case value(RedisValue)
    }

    let storage: Storage

    init(arena: ReplyArena, index: Int) {
        storage = .arena(
            ArenaNode(
                nodes: UnsafePointer(arena.nodes), bytes: UnsafePointer(arena.bytes),
                slots: UnsafePointer(arena.slots), index: index))
    }

    /// A view of an already copied value (what fakes and wrappers without a reply arena hand out).
    public init(value: RedisValue) { storage = .value(value) }

    public var isError: Bool {
        switch storage {
        case .arena(let node): return node.node.kind == .error
        case .value(let value): return value.errorMessage != nil
        }
    }

    /// Number of elements of an array reply (0 for anything else).
    public var count: Int {
        switch storage {
        case .arena(let node): return node.node.kind == .array ? node.node.length : 0
        case .value(let value): return value.array?.count ?? 0
        }
    }

    /// Element `index` of an array reply (a null view when out of range).
    public subscript(index: Int) -> ReplyView {
        switch storage {
        case .arena(let node):
            guard let child = node.child(index) else { return ReplyView(value: .null) }
            return ReplyView(storage: .arena(child))
        case .value(let value):
            guard let elements = value.array, index >= 0, index < elements.count else { return ReplyView(value: .null) }
            return ReplyView(value: elements[index])
        }
    }

    private init(storage: Storage) { self.storage = storage }

    /// A bulk or status reply as text (invalid UTF-8 replaced), as `RedisValue.string` reads it.
    public var string: String? {
        switch storage {
        case .arena(let node):
            switch node.node.kind {
            case .bulk, .status: return node.text
            case .integer: return String(node.node.offset)
            case .error, .null, .array: return nil
            }
        case .value(let value):
            return value.string
        }
    }

    /// Whether this is a bulk or status reply holding exactly `text`'s bytes: compares in place,
    /// for callers that sort thousands of field names without making a String of each.
    public func hasText(_ text: StaticString) -> Bool {
        switch storage {
        case .arena(let node):
            let found = node.node
            guard found.kind == .bulk || found.kind == .status, found.length == text.utf8CodeUnitCount else { return false }
            return memcmp(node.bytes + found.offset, text.utf8Start, found.length) == 0
        case .value(let value):
            guard let bytes = value.bytes, case .bulk = value else { return value.string == text.description }
            return bytes.count == text.utf8CodeUnitCount
                && bytes.withUnsafeBufferPointer {
                    memcmp($0.baseAddress!, text.utf8Start, bytes.count) == 0
                }
        }
    }

    /// The reply copied into a `RedisValue`.
    public var value: RedisValue {
        switch storage {
        case .arena(let node): return node.value
        case .value(let value): return value
        }
    }
}
