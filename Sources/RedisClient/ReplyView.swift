import CHiredis

/// A read-only look at one reply, for callers that turn thousands of replies into their own
/// types: reading strings straight from hiredis' memory skips the intermediate `RedisValue` tree
/// (its allocations and frees were ~40% of a 10,000-toggle snapshot).
///
/// Valid only inside the closure it is passed to (the reply is freed right after); never store
/// it. Used on the connection owner's thread.
public struct ReplyView {
    enum Storage {
        case hiredis(UnsafePointer<redisReply>)
        case value(RedisValue)
    }

    let storage: Storage

    init(_ reply: UnsafePointer<redisReply>) { storage = .hiredis(reply) }

    /// A view of an already copied value (what fakes and wrappers without a C reply hand out).
    public init(value: RedisValue) { storage = .value(value) }

    public var isError: Bool {
        switch storage {
        case .hiredis(let reply): return reply.pointee.type == REDIS_REPLY_ERROR
        case .value(let value): return value.errorMessage != nil
        }
    }

    /// Number of elements of an array reply (0 for anything else).
    public var count: Int {
        switch storage {
        case .hiredis(let reply): return reply.pointee.type == REDIS_REPLY_ARRAY ? reply.pointee.elements : 0
        case .value(let value): return value.array?.count ?? 0
        }
    }

    /// Element `index` of an array reply (a null view when out of range).
    public subscript(index: Int) -> ReplyView {
        switch storage {
        case .hiredis(let reply):
            guard reply.pointee.type == REDIS_REPLY_ARRAY, index >= 0, index < reply.pointee.elements,
                  let child = reply.pointee.element[index] else { return ReplyView(value: .null) }
            return ReplyView(UnsafePointer(child))
        case .value(let value):
            guard let elements = value.array, index >= 0, index < elements.count else { return ReplyView(value: .null) }
            return ReplyView(value: elements[index])
        }
    }

    /// A bulk or status reply as text (invalid UTF-8 replaced), as `RedisValue.string` reads it.
    public var string: String? {
        switch storage {
        case .hiredis(let reply):
            let node = reply.pointee
            switch node.type {
            case REDIS_REPLY_STRING, REDIS_REPLY_STATUS:
                guard let pointer = node.str, node.len > 0 else { return "" }
                return pointer.withMemoryRebound(to: UInt8.self, capacity: node.len) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: node.len), as: UTF8.self)
                }
            case REDIS_REPLY_INTEGER:
                return String(node.integer)
            default:
                return nil
            }
        case .value(let value):
            return value.string
        }
    }

    /// The reply copied into a `RedisValue`.
    public var value: RedisValue {
        switch storage {
        case .hiredis(let reply): return HiredisReply.copy(UnsafeMutablePointer(mutating: reply))
        case .value(let value): return value
        }
    }
}
