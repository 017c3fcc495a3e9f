/// Encodes commands as RESP (`*N\r\n` then `$len\r\n<bytes>\r\n` per argument) into one
/// reusable buffer, so a 10,000-command pipeline is one write.
///
/// hiredis' `redisAppendCommandArgv` formats each header with `sdscatfmt`, which callgrind
/// showed as the largest client-side cost of such a pipeline (about 2,000 instructions per
/// short command); writing the headers here is a few dozen. The bytes are the same.
///
/// Ownership and threading: owned by one `RedisConnection`, used on its owner's thread.
final class RESPEncoder {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16 * 1024) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// The encoded bytes, valid until the next `reset` or `append`.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    func reset() {
        count = 0
        // One giant pipeline must not pin its buffer for the connection's life.
        if capacity > 1 << 22 {
            storage.deallocate()
            capacity = 16 * 1024
            storage = .allocate(capacity: capacity)
        }
    }

    func append(_ command: RedisCommand) {
        let arguments = command.arguments
        // Per argument: '$', up to 20 digits, CRLF, payload, CRLF; plus the '*N' header.
        var needed = 1 + 20 + 2
        for argument in arguments { needed += argument.count + 25 }
        reserve(needed)
        put(42)  // *
        putDecimal(arguments.count)
        put(13); put(10)
        for argument in arguments {
            put(36)  // $
            putDecimal(argument.count)
            put(13); put(10)
            argument.withUnsafeBufferPointer { source in
                if let address = source.baseAddress, source.count > 0 {
                    (storage + count).update(from: address, count: source.count)
                }
            }
            count += argument.count
            put(13); put(10)
        }
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var bigger = capacity * 2
        while bigger < count + extra { bigger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
        moved.update(from: storage, count: count)
        storage.deallocate()
        storage = moved
        capacity = bigger
    }

    @inline(__always) private func put(_ byte: UInt8) {
        storage[count] = byte
        count += 1
    }

    @inline(__always) private func putDecimal(_ value: Int) {
        var digits = 1
        var scale = 10
        while value >= scale && digits < 19 {
            digits += 1
            scale &*= 10
        }
        var rest = value
        var position = count + digits - 1
        repeat {
            storage[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            position -= 1
        } while rest > 0
        count += digits
    }
}
