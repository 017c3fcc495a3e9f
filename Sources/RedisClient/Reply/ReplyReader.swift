import CHiredis

/// hiredis' RESP parser fed with the bytes a `ByteStream` read, building replies straight into a
/// `ReplyArena` through reply-object callbacks instead of hiredis' malloc'ed `redisReply` trees.
///
/// Ownership and threading: owned by one `RedisConnection`; one per opened stream (a stream that
/// failed mid-reply leaves half a reply in the parser, so the reader goes with it).
final class ReplyReader {
    private let reader: UnsafeMutablePointer<redisReader>
    let arena = ReplyArena()
    private let endpoint: String

    init(endpoint: String) {
        self.endpoint = endpoint
        reader = redisReaderCreateWithFunctions(Self.functions)
        reader.pointee.privdata = UnsafeMutableRawPointer(arena.storage)
    }

    deinit { redisReaderFree(reader) }

    func feed(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        let fed = bytes.withMemoryRebound(to: CChar.self) { redisReaderFeed(reader, $0.baseAddress, $0.count) }
        guard fed == REDIS_OK else { throw protocolError() }
    }

    /// The root node of the next complete reply, or nil when more bytes are needed. The reply
    /// stays readable in `arena` until `arena.clear()`.
    func nextReply() throws(RedisError) -> Int? {
        var token: UnsafeMutableRawPointer?
        guard redisReaderGetReply(reader, &token) == REDIS_OK else { throw protocolError() }
        guard let token else { return nil }
        return Self.index(token)
    }

    private func protocolError() -> RedisError {
        let detail = withUnsafeBytes(of: reader.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return .connectionLost(endpoint: endpoint, detail: "protocol error: " + (detail.isEmpty ? "unreadable reply" : detail))
    }

    // The callbacks get the arena's storage through the reader's privdata and return a node's index + 1
    // as the "object" (hiredis treats NULL as out of memory).

    private static func token(_ index: Int) -> UnsafeMutableRawPointer? { UnsafeMutableRawPointer(bitPattern: index + 1) }
    private static func index(_ token: UnsafeMutableRawPointer) -> Int { Int(bitPattern: token) - 1 }

    private static func added(_ task: UnsafePointer<redisReadTask>?,
                              _ make: (inout ReplyArena.Storage) -> Int) -> UnsafeMutableRawPointer? {
        guard let task, let privdata = task.pointee.privdata else { return nil }
        let storage = privdata.assumingMemoryBound(to: ReplyArena.Storage.self)
        let node = make(&storage.pointee)
        if let parent = task.pointee.parent, let parentToken = parent.pointee.obj {
            storage.pointee.link(node, to: index(parentToken), at: Int(task.pointee.idx))
        }
        return token(node)
    }

    /// hiredis keeps the pointer it is given, so the table lives as long as the process.
    nonisolated(unsafe) private static let functions: UnsafeMutablePointer<redisReplyObjectFunctions> = {
        let table = UnsafeMutablePointer<redisReplyObjectFunctions>.allocate(capacity: 1)
        table.initialize(to: redisReplyObjectFunctions(
            createString: { task, text, length in
                added(task) { storage in
                    let kind: ReplyArena.Kind
                    switch task?.pointee.type {
                    case REDIS_REPLY_STATUS: kind = .status
                    case REDIS_REPLY_ERROR: kind = .error
                    default: kind = .bulk
                    }
                    return storage.addString(kind, UnsafeRawPointer(text), length)
                }
            },
            createArray: { task, count in added(task) { $0.addArray(count: Int(max(count, 0))) } },
            createInteger: { task, value in added(task) { $0.addInteger(Int64(value)) } },
            createNil: { task in added(task) { $0.addNull() } },
            freeObject: { _ in }))
        return table
    }()
}
