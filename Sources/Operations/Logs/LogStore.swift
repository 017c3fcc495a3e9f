import Foundation
import RedisClient

/// Discovers, reads and writes the recent-log lists `recent:<name>:<severity>` (docs/DATA-MODEL.md):
/// LPUSHed newest first and trimmed to 100 by every writer.
///
/// Stateless; runs on the thread that owns `env.redis`. Following a tail across reads is
/// `LogTail`'s job; writes go through `env.gate`.
public enum LogStore {
    /// How many entries every writer keeps in a list (`LTRIM key 0 99`).
    public static let listCap = 100

    /// The list for a source and severity under the logs pattern: `recent:*:*` gives
    /// `recent:<source>:<severity>`; a pattern without exactly two `*` falls back to that form.
    public static func key(source: String, severity: Severity, patterns: KeyPatterns) -> RedisKey {
        let parts = patterns.logs.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[1].isEmpty else { return RedisKey("recent:\(source):\(severity.rawValue)") }
        return RedisKey(parts[0] + source + parts[1] + severity.rawValue + parts[2])
    }

    /// Every log list under `patterns.logs` that `filter` wants, sorted by key: SCAN with
    /// `TYPE list`, so other keys matching the pattern are ignored.
    public static func discover(_ env: OpsEnvironment, filter: LogFilter = LogFilter()) throws(OperationsError) -> [LogList] {
        let env = env.on(.logs)
        let patterns = env.patterns
        let keys = try env.run { redis throws(RedisError) in
            try KeyScanner.collect(on: redis, pattern: patterns.logs, count: patterns.scanCount, type: "list")
        }
        return keys.sorted().map { LogList(key: $0, pattern: patterns.logs) }.filter(filter.includes)
    }

    /// The lists' contents with one pipeline of `LRANGE key 0 -1`. A list that vanished or
    /// changed type since discovery reads as empty; any
    /// other error reply throws.
    /// `newest` reads only that many entries from the head of each list (a cheap "did anything
    /// change?" probe for a tail that already has the rest).
    /// `reusing` holds each list's lines from an earlier read (`LogTail.lastRead`): a line whose
    /// bytes equal the next unmatched earlier line is that String again, not a new one, so a
    /// steady-state poll allocates no String for the lines it already had (issue 28, figure 4a).
    public static func read(
        _ env: OpsEnvironment, lists: [LogList], newest: Int? = nil, reusing earlier: [RedisKey: [String]] = [:]
    ) throws(OperationsError) -> [LogListRead] {
        let env = env.on(.logs)
        if lists.isEmpty { return [] }
        let last = newest.map { $0 - 1 } ?? -1
        // Decoded in place (`ReplyView`): 50 lists of 100 lines made 5,000 `RedisValue`s per
        // poll only to copy them into Strings (issue 28, figure 4a).
        let replies = try env.run { redis throws(RedisError) in
            let replies = try redis.send(lists.map { RedisCommand("LRANGE", $0.key, 0, last) }) { index, reply in
                Self.decodeLines(reply, earlier: earlier.isEmpty ? [] : earlier[lists[index].key] ?? [])
            }
            try ReplyFailure.check(replies.compactMap { $0.error.map(RedisValue.error) })
            if let wrongShape = replies.lazy.compactMap(\.wrongShape).first { throw wrongShape }
            return replies
        }
        return zip(lists, replies).map { list, reply in LogListRead(list: list, lines: reply.lines) }
    }

    /// One LRANGE reply: its lines, or the error reply (a list that changed type reads as
    /// empty), or why it is not an array of strings.
    /// A list gains entries at its head and loses them at its tail, so the earlier lines that
    /// are still there come in the same order: each line is compared with the first earlier line
    /// not matched yet, and only a line that differs is made into a new String.
    private static func decodeLines(
        _ reply: ReplyView, earlier: [String]
    ) -> (lines: [String], error: String?, wrongShape: RedisError?) {
        if reply.isError { return ([], reply.errorMessage, nil) }
        do {
            try ReplyShape.checkStrings(reply, of: "LRANGE")
        } catch {
            return ([], nil, error)
        }
        var lines: [String] = []
        lines.reserveCapacity(reply.count)
        var next = 0
        for index in 0..<reply.count {
            let element = reply[index]
            if next < earlier.count, element.holds(earlier[next]) {
                lines.append(earlier[next])
                next += 1
            } else {
                lines.append(element.string ?? "")
            }
        }
        return (lines, nil, nil)
    }

    /// The newest `limit` entries that pass `filter`, oldest first, merged across lists.
    public static func recent(
        _ env: OpsEnvironment, filter: LogFilter = LogFilter(), limit: Int = listCap, timeZone: TimeZone = .current
    ) throws(OperationsError) -> [LogEntry] {
        let env = env.on(.logs)
        var tail = LogTail(timeZone: timeZone)
        let entries = tail.ingest(try read(env, lists: discover(env, filter: filter))).entries.filter(filter.includes)
        return Array(entries.suffix(max(0, limit)))
    }

    /// Writes one line the way the services do: the asctime stamp of `env.now()`, a space, the
    /// message; LPUSH then LTRIM 0 99 in one MULTI/EXEC, so the list never exceeds 100 even
    /// between the two commands. Goes through the write gate. Returns the entry written.
    @discardableResult
    public static func write(
        _ env: OpsEnvironment, name: String, message: String, severity: Severity = .info, timeZone: TimeZone = .current
    ) throws(OperationsError) -> LogEntry {
        let env = env.on(.logs)
        guard !name.isEmpty, !name.contains(where: { $0 == "*" || $0.isNewline }) else {
            throw .invalidInput("the log name must be non-empty, without `*` or newlines (e.g. `checkout`)")
        }
        let key = key(source: name, severity: severity, patterns: env.patterns)
        let line = AsctimeTimestamp.format(env.now(), timeZone: timeZone) + " " + message
        let replies = try env.gate.write(
            "write a log line to \(key.text)",
            [
                RedisCommand("MULTI"),
                RedisCommand("LPUSH", key, line),
                RedisCommand("LTRIM", key, 0, listCap - 1),
                RedisCommand("EXEC"),
            ], on: env.redis)
        for reply in replies {
            if let message = reply.errorMessage { throw Self.writeError(message, key: key) }
        }
        guard let results = replies.last?.array else {
            throw .redis(.unexpectedReply(command: "EXEC", detail: "the transaction was not executed"))
        }
        for result in results {
            if let message = result.errorMessage { throw Self.writeError(message, key: key) }
        }
        let list = LogList(key: key, source: name, severity: severity)
        return LogEntry(raw: line, list: list, timeZone: timeZone)
    }

    private static func writeError(_ message: String, key: RedisKey) -> OperationsError {
        if message.hasPrefix("WRONGTYPE") || message.contains("WRONGTYPE") {
            return .badData("\(key.text) holds another type than a list; nothing was written. Remove that key or use another name.")
        }
        return .redis(RedisError.fromReply(message))
    }
}
