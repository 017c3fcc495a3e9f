/// Walks the keyspace with `SCAN cursor MATCH pattern COUNT n [TYPE t]`, one page per call,
/// never with `KEYS` (which blocks the server on a large keyspace).
///
/// The walk covers every target the sender names (`scanTargets`): one server, or each master of
/// a cluster in turn, with a cursor per node — a walk that stopped at one node would be partial
/// data. The position is `cursor`, an opaque token a later scanner resumes from
/// (`init(resuming:)`): the server's cursor for one target, `node:cursor` for several.
///
/// A value type driven by its owner on the owner's thread; `next` sends one SCAN. SCAN may
/// return a key more than once across pages: callers that need a set dedupe (see `collect`).
public struct KeyScanner {
    public let pattern: String
    public let count: Int
    public let type: String?
    /// Where the walk is: "0" before it starts and once it is complete.
    public var cursor: String {
        if isComplete { return "0" }
        return targetCount > 1 ? "\(target):\(nodeCursor)" : nodeCursor
    }
    public private(set) var isComplete = false
    /// Targets visited so far and their number (known after the first `next`).
    public private(set) var target = 0
    public private(set) var targetCount = 1
    private var nodeCursor = "0"

    public init(pattern: String = "*", count: Int = 1000, type: String? = nil) {
        self.pattern = pattern
        self.count = count
        self.type = type
    }

    /// A scanner that goes on from `cursor`, a token an earlier scanner's `cursor` gave.
    public init(resuming cursor: String, pattern: String = "*", count: Int = 1000, type: String? = nil) throws(RedisError) {
        self.init(pattern: pattern, count: count, type: type)
        if let colon = cursor.firstIndex(of: ":") {
            guard let node = Int(cursor[..<colon]), node >= 0, UInt64(cursor[cursor.index(after: colon)...]) != nil else {
                throw .invalidEndpoint(detail: "'\(cursor)' is not a scan position opsdeck gave")
            }
            target = node
            targetCount = node + 1
            nodeCursor = String(cursor[cursor.index(after: colon)...])
        } else {
            guard UInt64(cursor) != nil else { throw .invalidEndpoint(detail: "'\(cursor)' is not a scan position opsdeck gave") }
            nodeCursor = cursor
        }
    }

    /// The next page of keys, or nil once every target's cursor has come back to 0. A page may
    /// be empty while the walk goes on.
    public mutating func next(on sender: some RedisCommandSender) throws(RedisError) -> [RedisKey]? {
        if isComplete { return nil }
        let targets = try sender.scanTargets()
        targetCount = targets.count
        guard target < targets.count else {
            // The topology shrank under a resumed walk: say so rather than report it complete.
            throw .unexpectedReply(command: "SCAN", detail: "the walk was on node \(target + 1), the deployment now has \(targets.count)")
        }
        var arguments: [any RedisArgument] = [nodeCursor, "MATCH", pattern, "COUNT", count]
        if let type { arguments += ["TYPE", type] }
        let reply = try targets[target].execute(RedisCommand("SCAN", arguments))
        guard let parts = reply.array, parts.count == 2, let next = parts[0].string, let keys = parts[1].array else {
            throw .unexpectedReply(command: "SCAN", detail: "expected [cursor, keys]")
        }
        nodeCursor = next
        if next == "0" {
            target += 1
            if target >= targets.count { isComplete = true }
        }
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
