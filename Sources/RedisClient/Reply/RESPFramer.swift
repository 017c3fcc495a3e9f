#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds where the next RESP2 reply ends in bytes that arrive piece by piece, checking it as it
/// goes: type bytes, lengths (only -1 may be negative), the CRLF after every line and string,
/// and `ReplyLimits`. It resumes where it stopped, so a reply that trickles in (one byte every
/// 20 ms, an 8 MB error line in 4 KB reads) is scanned once, in linear time — hiredis' reader
/// searched a line from its start again after every read. Nothing is allocated from an
/// announced length: a length only says how far to skip once the bytes are there.
///
/// Given an arena, it also builds the reply there as it goes (`ReplyArena` nodes in pre-order,
/// each array's slots holding its elements' node indices): one pass over the bytes, where
/// framing first and building after read every line twice (callgrind, issue 28: a third of a
/// 10,000-toggle snapshot's instructions).
///
/// Ownership and threading: a value owned by one `ReplyReader`, on the connection's thread.
struct RESPFramer {
    /// Where a failed reply went wrong, in words for the error message.
    struct Malformed: Error {
        let detail: String
    }

    let limits: ReplyLimits
    /// Offset (from the reply's first byte) of the next line or string to look at.
    private(set) var position = 0
    /// Offset up to which the current line was searched for its CRLF without finding it.
    private var searched = 0
    /// End (past the CRLF) of the string whose body is awaited, if any.
    private var stringEnd: Int?
    /// Elements still awaited at each open array level; the bottom entry is the reply itself.
    private var awaited: [Int] = [1]
    private var elements = 0
    /// Bytes searched for line ends so far, over every reply: what shows the scan is linear.
    private(set) var examined = 0
    /// The arena node of each open array: `open[i]` belongs to `awaited[i + 1]`.
    private var open: [Int] = []
    /// Where the awaited string's node goes: its parent array and slot (nil for the root).
    private var stringParent: (node: Int, slot: Int)?
    /// The reply's first node in the arena, once built.
    private(set) var root = -1

    init(limits: ReplyLimits) {
        self.limits = limits
        awaited.reserveCapacity(limits.maxDepth + 1)
        open.reserveCapacity(limits.maxDepth + 1)
    }

    /// Starts over for the reply after the one that just completed.
    mutating func reset() {
        position = 0
        searched = 0
        stringEnd = nil
        awaited.removeAll(keepingCapacity: true)
        awaited.append(1)
        elements = 0
        open.removeAll(keepingCapacity: true)
        stringParent = nil
        root = -1
    }

    /// Scans `bytes` (the reply's bytes so far, from its first) on from where the last call
    /// stopped. Returns the reply's length once it is complete, nil while more bytes are needed;
    /// throws at the first byte that cannot be part of a valid reply within the limits.
    /// With `storage`, the reply is built into it as it is scanned; `root` names its first node
    /// once the reply is complete. The arena must not be cleared while a reply is half built.
    mutating func scan(
        _ bytes: UnsafeRawBufferPointer, into storage: UnsafeMutablePointer<ReplyArena.Storage>? = nil
    ) throws(Malformed) -> Int? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let available = bytes.count
        while !awaited.isEmpty || stringEnd != nil {
            if let end = stringEnd {
                guard end <= available else { return nil }
                guard base[end - 2] == 13, base[end - 1] == 10 else {
                    throw Malformed(detail: "a string is not followed by CRLF where its announced length ends")
                }
                if let storage {
                    let start = position
                    place(storage.pointee.addString(.bulk, base + start, end - 2 - start), in: storage, at: stringParent)
                }
                position = end
                searched = end
                stringEnd = nil
                continue
            }
            guard let lineEnd = try findLineEnd(base, available) else { return nil }
            try take(line: base, lineEnd, into: storage)
            position = lineEnd + 2
            searched = position
        }
        return position
    }

    /// The offset of the CR ending the line at `position`, nil when it has not arrived yet.
    private mutating func findLineEnd(_ base: UnsafePointer<UInt8>, _ available: Int) throws(Malformed) -> Int? {
        var from = max(searched, position)
        while from < available {
            guard let found = memchr(base + from, 13, available - from) else {
                examined += available - from
                break
            }
            let cr = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            examined += cr + 1 - from
            guard cr + 1 < available else {
                searched = cr
                try checkOpenLine(base, available)
                return nil
            }
            if base[cr + 1] == 10 { return cr }
            from = cr + 1
        }
        searched = available
        try checkOpenLine(base, available)
        return nil
    }

    /// A line still open must not already be too long: a length header longer than any number,
    /// or a status or error line beyond the reply limit.
    private func checkOpenLine(_ base: UnsafePointer<UInt8>, _ available: Int) throws(Malformed) {
        guard position < available else { return }
        let type = base[position]
        if Self.isHeader(type), available - position > Self.longestHeader {
            throw Malformed(detail: "a length or integer line runs past \(Self.longestHeader) bytes without its CRLF")
        }
        if !Self.isHeader(type), type != 43, type != 45 { throw Self.badType(type) }
        if available > limits.maxReplyBytes { throw tooLarge() }
    }

    private static let longestHeader = 32
    private static func isHeader(_ type: UInt8) -> Bool { type == 36 || type == 42 || type == 58 }

    private static func badType(_ type: UInt8) -> Malformed {
        Malformed(detail: "unexpected type byte 0x" + String(type, radix: 16) + " (RESP2 has + - : $ *)")
    }

    private func tooLarge() -> Malformed {
        Malformed(detail: "the reply is larger than the \(limits.maxReplyBytes >> 20) MB limit on one reply")
    }

    /// Links a new node into its parent's slot, or makes it the root.
    private mutating func place(
        _ node: Int, in storage: UnsafeMutablePointer<ReplyArena.Storage>, at parent: (node: Int, slot: Int)?
    ) {
        if let parent { storage.pointee.link(node, to: parent.node, at: parent.slot) } else { root = node }
    }

    /// Accounts for the complete line `[position, lineEnd)`: one element starts here (and, with
    /// `storage`, its node is added; a string's once its body is there).
    private mutating func take(
        line base: UnsafePointer<UInt8>, _ lineEnd: Int, into storage: UnsafeMutablePointer<ReplyArena.Storage>?
    ) throws(Malformed) {
        let type = base[position]
        if lineEnd + 2 > limits.maxReplyBytes { throw tooLarge() }
        elements += 1
        if elements > limits.maxElements {
            throw Malformed(detail: "the reply has more than \(limits.maxElements) elements, the limit on one reply")
        }
        let level = awaited.count - 1
        awaited[level] -= 1
        // This element's place: the slot of the innermost open array it fills.
        var parent: (node: Int, slot: Int)?
        if let storage, level > 0 {
            let node = open[level - 1]
            parent = (node, storage.pointee.nodes[node].length - awaited[level] - 1)
        }
        switch type {
        case 43, 45:
            if let storage {
                let kind: ReplyArena.Kind = type == 43 ? .status : .error
                place(storage.pointee.addString(kind, base + position + 1, lineEnd - position - 1), in: storage, at: parent)
            }
        case 58:
            guard let value = Self.integer(base, from: position + 1, to: lineEnd) else {
                throw Malformed(detail: "an integer reply is not a number")
            }
            if let storage { place(storage.pointee.addInteger(Int64(value)), in: storage, at: parent) }
        case 36:
            guard let length = Self.integer(base, from: position + 1, to: lineEnd) else {
                throw Malformed(detail: "a string's length is not a number")
            }
            if length < -1 { throw Malformed(detail: "a string announces a negative length (\(length))") }
            if length >= 0 {
                // Checked before the body is awaited: a huge announced length fails now.
                guard length <= limits.maxReplyBytes - (lineEnd + 4) else {
                    throw Malformed(
                        detail: "a string announces \(length) bytes, beyond the \(limits.maxReplyBytes >> 20) MB limit on one reply")
                }
                stringEnd = lineEnd + 2 + length + 2
                stringParent = parent
            } else if let storage {
                place(storage.pointee.addNull(), in: storage, at: parent)
            }
        case 42:
            guard let count = Self.integer(base, from: position + 1, to: lineEnd) else {
                throw Malformed(detail: "an array's length is not a number")
            }
            if count < -1 { throw Malformed(detail: "an array announces a negative length (\(count))") }
            if count > 0 {
                guard count <= limits.maxElements - elements else {
                    throw Malformed(detail: "an array announces \(count) elements, beyond the limit of \(limits.maxElements) on one reply")
                }
                // Every element takes at least 3 bytes ("+\r\n").
                guard count <= (limits.maxReplyBytes - (lineEnd + 2)) / 3 else { throw tooLarge() }
                guard awaited.count < limits.maxDepth else {
                    throw Malformed(detail: "arrays nest deeper than \(limits.maxDepth) levels")
                }
                awaited.append(count)
                if let storage {
                    let node = storage.pointee.addArray(count: count)
                    place(node, in: storage, at: parent)
                    open.append(node)
                }
            } else if let storage {
                place(count < 0 ? storage.pointee.addNull() : storage.pointee.addArray(count: 0), in: storage, at: parent)
            }
        default:
            throw Self.badType(type)
        }
        while let last = awaited.last, last == 0 {
            awaited.removeLast()
            if awaited.count < open.count + 1, !open.isEmpty { open.removeLast() }
        }
    }

    /// The decimal integer in `[from, to)`, strictly: an optional minus and 1 to 19 digits,
    /// within Int64.
    static func integer(_ base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var index = from
        let negative = index < to && base[index] == 45
        if negative { index += 1 }
        guard index < to, to - index <= 19 else { return nil }
        var value = 0
        while index < to {
            let digit = Int(base[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = times.addingReportingOverflow(digit)
            guard !overflowA, !overflowB else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }
}
