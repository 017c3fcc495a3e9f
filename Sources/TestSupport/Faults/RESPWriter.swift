import RedisClient

/// Requests in, replies out, in RESP2, for the test servers (`FaultProxy`). Stateless apart
/// from `RequestParser`'s buffer; owned by one connection's thread.
enum RESPWriter {
    static func encode(_ value: RedisValue) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    private static func append(_ value: RedisValue, to out: inout [UInt8]) {
        switch value {
        case .status(let text): out += Array("+\(text)\r\n".utf8)
        case .error(let text): out += Array("-\(text)\r\n".utf8)
        case .integer(let number): out += Array(":\(number)\r\n".utf8)
        case .null: out += Array("$-1\r\n".utf8)
        case .bulk(let bytes):
            out += Array("$\(bytes.count)\r\n".utf8)
            out += bytes
            out += [13, 10]
        case .array(let elements):
            out += Array("*\(elements.count)\r\n".utf8)
            for element in elements { append(element, to: &out) }
        }
    }
}

/// Splits what a client sent into commands (arrays of bulk strings, or inline commands).
struct RequestParser {
    private var buffer: [UInt8] = []

    mutating func append(_ bytes: ArraySlice<UInt8>) { buffer += bytes }

    /// The next complete command, removed from the buffer; nil until one is complete.
    mutating func next() -> [[UInt8]]? {
        var index = 0
        // An inline command (`PING\r\n`), as redis-cli and probes send it.
        if let first = buffer.first, first != 42 {
            guard let text = line(&index) else { return nil }
            buffer.removeFirst(index)
            return text.split(separator: 32).map { Array($0) }
        }
        guard let count = line(&index).flatMap({ $0.first == 42 ? Int(String(decoding: $0.dropFirst(), as: UTF8.self)) : nil })
        else { return nil }
        var arguments: [[UInt8]] = []
        for _ in 0..<max(count, 0) {
            guard let header = line(&index), header.first == 36,
                let length = Int(String(decoding: header.dropFirst(), as: UTF8.self)),
                index + length + 2 <= buffer.count
            else { return nil }
            arguments.append(Array(buffer[index..<(index + length)]))
            index += length + 2
        }
        buffer.removeFirst(index)
        return arguments
    }

    private func line(_ index: inout Int) -> ArraySlice<UInt8>? {
        var end = index
        while end + 1 < buffer.count {
            if buffer[end] == 13 && buffer[end + 1] == 10 {
                let found = buffer[index..<end]
                index = end + 2
                return found
            }
            end += 1
        }
        return nil
    }
}
