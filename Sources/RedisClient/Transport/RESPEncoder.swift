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
        // Locals, not the stored properties: class properties pay an exclusivity check per access.
        let base = storage
        var offset = count
        base[offset] = 42 // *
        offset = Self.putDecimal(arguments.count, at: base, offset + 1)
        base[offset] = 13
        base[offset + 1] = 10
        offset += 2
        for argument in arguments {
            base[offset] = 36 // $
            offset = Self.putDecimal(argument.count, at: base, offset + 1)
            base[offset] = 13
            base[offset + 1] = 10
            offset += 2
            argument.withUnsafeBufferPointer { source in
                if let address = source.baseAddress, source.count > 0 {
                    (base + offset).update(from: address, count: source.count)
                }
            }
            offset += argument.count
            base[offset] = 13
            base[offset + 1] = 10
            offset += 2
        }
        count = offset
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

    /// Writes `value` in decimal at `offset`; returns the offset after it.
    @inline(__always) private static func putDecimal(_ value: Int, at base: UnsafeMutablePointer<UInt8>, _ offset: Int) -> Int {
        var digits = 1
        var scale = 10
        while value >= scale && digits < 19 {
            digits += 1
            scale &*= 10
        }
        var rest = value
        var position = offset + digits - 1
        repeat {
            base[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
            position -= 1
        } while rest > 0
        return offset + digits
    }
}
