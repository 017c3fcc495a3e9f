/// Walks the keyspace with `SCAN cursor MATCH pattern COUNT n [TYPE t]`, one page per call,
/// never with `KEYS` (which blocks the server on a large keyspace).
///
/// A value type driven by its owner on the owner's thread; `next` sends one SCAN. SCAN may
/// return a key more than once across pages: callers that need a set dedupe (see `collect`).
public struct KeyScanner {
    public let pattern: String
    public let count: Int
    public let type: String?
    public private(set) var cursor: String = "0"
    public private(set) var isComplete = false

    public init(pattern: String = "*", count: Int = 1000, type: String? = nil) {
        self.pattern = pattern
        self.count = count
        self.type = type
    }

    /// The next page of keys, or nil once the cursor has come back to 0.
    public mutating func next(on sender: some RedisCommandSender) throws(RedisError) -> [RedisKey]? {
        if isComplete { return nil }
        var arguments: [any RedisArgument] = [cursor, "MATCH", pattern, "COUNT", count]
        if let type { arguments += ["TYPE", type] }
        let reply = try sender.execute(RedisCommand("SCAN", arguments))
        guard let parts = reply.array, parts.count == 2, let next = parts[0].string, let keys = parts[1].array else {
            throw .unexpectedReply(command: "SCAN", detail: "expected [cursor, keys]")
        }
        cursor = next
        if next == "0" { isComplete = true }
        return keys.compactMap { $0.bytes.map(RedisKey.init(bytes:)) }
    }

    /// Every key the scan finds, deduplicated, stopping early at `limit` keys.
    public static func collect(
        on sender: some RedisCommandSender, pattern: String, count: Int = 1000, type: String? = nil, limit: Int = .max
    ) throws(RedisError) -> [RedisKey] {
        var scanner = KeyScanner(pattern: pattern, count: count, type: type)
        var seen = Set<RedisKey>()
        var keys: [RedisKey] = []
        while let page = try scanner.next(on: sender) {
            for key in page where seen.insert(key).inserted {
                keys.append(key)
                if keys.count >= limit { return keys }
            }
        }
        return keys
    }
}
