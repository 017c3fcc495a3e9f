#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns the bytes a `ByteStream` read into replies: buffers them and lets `RESPFramer` find (and
/// check) where the next reply ends, building it into a `ReplyArena` as it goes (one pass).
/// A reply that breaks the protocol or `ReplyLimits` fails the connection with a clear error
/// before its announced size is awaited or allocated (docs/RELIABILITY.md).
///
/// Ownership and threading: owned by one `RedisConnection`; one per opened stream (a stream that
/// failed mid-reply leaves half a reply in the buffer, so the reader goes with it).
final class ReplyReader {
    let arena = ReplyArena()
    private let endpoint: String
    private var framer: RESPFramer
    /// Bytes read and not yet consumed: `[start, end)` of `buffer`.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity = 64 * 1024
    private var start = 0
    private var end = 0

    private let limits: ReplyLimits

    init(endpoint: String, limits: ReplyLimits = ReplyLimits()) {
        self.endpoint = endpoint
        self.limits = limits
        framer = RESPFramer(limits: limits)
        // malloc'ed so that growing is a realloc, which moves a large buffer's pages rather
        // than copying them: peak memory stays near the reply limit, not twice it.
        buffer = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { free(buffer) }

    /// Keeps the bytes for `nextReply`. The buffer holds at most one incomplete reply (bounded by
    /// the framer's limits, checked in `nextReply`) plus what one read brings; bytes beyond that
    /// cannot belong to a valid reply and fail here, before the buffer grows for them.
    func feed(_ bytes: UnsafeRawBufferPointer) throws(RedisError) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if end - start + bytes.count > limits.maxReplyBytes + Self.slack {
            throw .connectionLost(
                endpoint: endpoint,
                detail: "protocol error: more than the \(limits.maxReplyBytes >> 20) MB "
                    + "limit on one reply arrived without completing it")
        }
        if end + bytes.count > capacity { makeRoom(for: bytes.count) }
        (buffer + end).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        end += bytes.count
    }

    /// The root node of the next complete reply, or nil when more bytes are needed. The reply
    /// stays readable in `arena` until `arena.clear()`.
    func nextReply() throws(RedisError) -> Int? {
        let length: Int?
        do {
            length = try framer.scan(UnsafeRawBufferPointer(start: buffer + start, count: end - start), into: arena.storage)
        } catch {
            throw .connectionLost(endpoint: endpoint, detail: "protocol error: " + error.detail)
        }
        guard let length else { return nil }
        let root = framer.root
        start += length
        framer.reset()
        if start == end {
            start = 0
            end = 0
        }
        return root
    }

    /// Room beyond the reply limit: what one read brings (`RedisConnection.readBuffer`).
    private static let slack = 64 * 1024

    /// Moves the unconsumed bytes down, and grows the buffer when they still do not leave room.
    /// A buffer grown for a large reply shrinks back once it is consumed.
    private func makeRoom(for count: Int) {
        let kept = end - start
        if start > 0 { memmove(buffer, buffer + start, kept) }
        var newCapacity = kept + count <= 64 * 1024 ? 64 * 1024 : capacity
        while newCapacity < kept + count { newCapacity *= 2 }
        // Never more than a whole reply (and a read) may need.
        newCapacity = max(kept + count, min(newCapacity, limits.maxReplyBytes + Self.slack))
        if newCapacity != capacity, let moved = realloc(buffer, newCapacity) {
            buffer = moved.assumingMemoryBound(to: UInt8.self)
            capacity = newCapacity
        }
        start = 0
        end = kept
    }
}
