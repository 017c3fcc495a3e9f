/// How a `RedisConnection` exchanges a pipeline: in one call (`roundTrip`, overlapping the
/// writing, the server's work and the parsing), or in two (`writePending` now, `readPending`
/// later), which lets a cluster client write every node's part before reading any, so the nodes
/// work at the same time. Same ownership as the connection: one thread.
extension RedisConnection {
    /// Writes the commands and reads until each has its reply; each reply is handed to
    /// `transform` while it sits in the arena, then the arena is reused. A long pipeline is
    /// written in slices, parsing whatever replies have arrived between them, so the server's
    /// work, the transfer and the parsing overlap instead of following each other.
    func roundTrip<T>(_ commands: [RedisCommand], _ transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        guard let stream, let reader else { throw .connectionLost(endpoint: endpointText, detail: "not connected") }
        encoder.reset()
        for command in commands { encoder.append(command) }
        var replies: [T] = []
        replies.reserveCapacity(commands.count)
        func feed(_ count: Int) throws(RedisError) {
            try self.feed(count, to: reader, into: &replies, expecting: commands.count, transform)
        }
        func takeReplies() throws(RedisError) {
            try Self.take(from: reader, into: &replies, expecting: commands.count, transform)
        }
        let bytes = encoder.bytes
        var written = 0
        while written < bytes.count {
            let slice = min(Self.writeSlice, bytes.count - written)
            try write(UnsafeRawBufferPointer(rebasing: bytes[written..<(written + slice)]), to: stream)
            written += slice
            guard written < bytes.count else { break }
            while true {
                let count = try stream.readAvailable(into: readBuffer)
                if count == 0 { break }
                try feed(count)
            }
        }
        try takeReplies()
        while replies.count < commands.count {
            try feed(try read(from: stream))
        }
        return replies
    }

    /// Bytes of a pipeline written before looking for replies: about a socket buffer's worth.
    static let writeSlice = 16 * 1024
    /// Hands the bytes in `readBuffer[0..<count]` to the parser and takes the replies that
    /// complete. The parser resumes where it stopped, so a read's bytes go in at once.
    func feed<T>(
        _ count: Int, to reader: ReplyReader, into replies: inout [T], expecting: Int,
        _ transform: (Int, ReplyView) -> T
    ) throws(RedisError) {
        try reader.feed(UnsafeRawBufferPointer(rebasing: readBuffer[0..<count]))
        try Self.take(from: reader, into: &replies, expecting: expecting, transform)
    }

    /// Takes every reply the parser has complete, up to `expecting` in all.
    static func take<T>(
        from reader: ReplyReader, into replies: inout [T], expecting: Int,
        _ transform: (Int, ReplyView) -> T
    ) throws(RedisError) {
        while replies.count < expecting, let root = try reader.nextReply() {
            replies.append(transform(replies.count, ReplyView(arena: reader.arena, index: root)))
            reader.arena.clear()
        }
    }

    /// Writes a pipeline and returns without reading its replies; `readPending` must follow
    /// before any other call on this connection. Redis buffers the replies on its side, so the
    /// writer cannot deadlock against a server that is also writing. A failure closes the
    /// connection (it may hold half a pipeline).
    func writePending(_ commands: [RedisCommand]) throws(RedisError) {
        if commands.isEmpty { return }
        try openIfNeeded()
        guard let stream else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        encoder.reset()
        for command in commands { encoder.append(command) }
        try closingOnFailure { () throws(RedisError) in try write(encoder.bytes, to: stream) }
    }

    /// Reads the `count` replies of the pipeline `writePending` sent.
    func readPending<T>(count: Int, _ transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        if count == 0 { return [] }
        guard let stream, let reader else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        var replies: [T] = []
        replies.reserveCapacity(count)
        return try closingOnFailure { () throws(RedisError) in
            try Self.take(from: reader, into: &replies, expecting: count, transform)
            while replies.count < count {
                try feed(try read(from: stream), to: reader, into: &replies, expecting: count, transform)
            }
            answeredSinceOpen = true
            return replies
        }
    }

    /// The plain socket, for waiting on several connections at once; nil over TLS, where replies
    /// can sit decrypted inside OpenSSL, unseen by poll(2).
    var waitableDescriptor: Int32? { (stream as? SocketStream)?.descriptor }

    /// The replies of a `writePending` pipeline that can be had now, without waiting: those
    /// parsed already and those in the bytes the socket holds. `from` of the pipeline's `count`
    /// replies were taken before; `transform` gets each reply's index in the pipeline.
    func readPendingAvailable<T>(count: Int, from taken: Int, _ transform: (Int, ReplyView) -> T) throws(RedisError) -> [T] {
        guard taken < count else { return [] }
        guard let stream, let reader else { throw lastError ?? .connectionLost(endpoint: endpointText, detail: "not connected") }
        let remaining = count - taken
        var replies: [T] = []
        return try closingOnFailure { () throws(RedisError) in
            try Self.take(from: reader, into: &replies, expecting: remaining) { transform(taken + $0, $1) }
            while replies.count < remaining {
                let bytes = try stream.readAvailable(into: readBuffer)
                if bytes == 0 { break }
                try feed(bytes, to: reader, into: &replies, expecting: remaining) { transform(taken + $0, $1) }
            }
            if replies.count == remaining { answeredSinceOpen = true }
            return replies
        }
    }
}
