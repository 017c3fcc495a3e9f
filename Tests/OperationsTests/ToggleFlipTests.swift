import Foundation
import Operations
import RedisClient
import Synchronization
import TestSupport
import Testing

@Suite struct ToggleFlipTests {
    @Test func flipWritesValueAuditEntryAndLogLine() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "yes", "releaseNum", "2.5")
            let sender = CommandRecorder(redis)
            let env = ToggleTestSupport.environment(sender)
            let result = try ToggleStore.flip(env, name: "useNewAlgorithm", to: false, reason: "latency")
            #expect(result.changed && result.old == "yes" && result.new == "no")
            #expect(result.toggle.state == .off)
            #expect(sender.sent.filter { $0.name == "EVAL" }.count == 1, "one script writes the value and its audit")
            #expect(try redis.execute("HGET", "useNewAlgorithm", "toggle").string == "no")

            // The toggle's own audit list, in the toggle's slot; the shared list is not written.
            let audit = try redis.execute("LRANGE", "opsdeck:audit:{useNewAlgorithm}", 0, -1).array ?? []
            #expect(try redis.execute("EXISTS", "opsdeck:audit").int == 0)
            #expect(audit.count == 1)
            // Every flip's entry carries its own id (issue 29: a lost reply is resolved by it).
            let id = try #require(result.audit?.id)
            #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
            #expect(
                audit.first?.string == #"{"actor":"alice@host","id":""# + id
                    + #"","new":"no","old":"yes","reason":"latency","time":"2026-11-26T18:03:33Z","toggle":"useNewAlgorithm"}"#)
            #expect(result.audit == AuditEntry(stored: audit.first?.string ?? ""))

            let log = try redis.execute("LRANGE", "recent:opsdeck:info", 0, -1).array ?? []
            #expect(log.count == 1)
            let line = try #require(log.first?.string)
            #expect(line.hasSuffix(" toggle useNewAlgorithm yes -> no by alice@host: latency"))
            #expect(AsctimeTimestamp.parse(line: line)?.date == ToggleTestSupport.fixedDate)
        }
    }

    @Test func auditAndLogListsAreCapped() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "1")
            try redis.send((0..<150).map { RedisCommand("LPUSH", "recent:opsdeck:info", "old \($0)") })
            var patterns = KeyPatterns()
            patterns.auditCap = 3
            let env = ToggleTestSupport.environment(redis, patterns: patterns)
            for index in 0..<5 { _ = try ToggleStore.flip(env, name: "t", to: index % 2 == 1) }
            #expect(try redis.execute("LLEN", "opsdeck:audit:{t}").int == 3)
            #expect(try redis.execute("LLEN", "recent:opsdeck:info").int == 100)
        }
    }

    @Test func conflictWritesNothingAndReportsTheCurrentValue() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "True")
            let env = ToggleTestSupport.environment(redis)
            let before = try redis.execute("DBSIZE")
            #expect {
                try ToggleStore.flip(env, name: "t", to: true, expect: .off)
            } throws: { error in
                guard case OperationsError.conflict(let toggle, _, let current) = error else { return false }
                return toggle == "t" && current == "True"
            }
            #expect(try redis.execute("HGET", "t", "toggle").string == "True")
            #expect(try redis.execute("DBSIZE") == before, "no audit list, no log list")

            // Already in the requested state: a no-op that writes nothing.
            let same = try ToggleStore.flip(env, name: "t", to: true)
            #expect(!same.changed && same.audit == nil)
            #expect(try redis.execute("DBSIZE") == before)
        }
    }

    @Test func readOnlyRefusesBeforeSendingAnything() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "on")
            let sender = CommandRecorder(redis)
            let env = ToggleTestSupport.environment(sender, readOnly: true)
            let before = try redis.execute("DBSIZE")
            #expect(throws: OperationsError.self) { try ToggleStore.flip(env, name: "t", to: false) }
            #expect(throws: OperationsError.self) { try LogStore.write(env, name: "x", message: "y") }
            #expect(sender.sent.isEmpty, "refused before any command")
            #expect(try redis.execute("HGET", "t", "toggle").string == "on")
            #expect(try redis.execute("DBSIZE") == before)
        }
    }

    @Test func wrongTypeAuditKeyWritesNothing() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "on")
            try redis.execute("SET", "opsdeck:audit:{t}", "oops, a string")
            let env = ToggleTestSupport.environment(redis)
            #expect {
                try ToggleStore.flip(env, name: "t", to: false)
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("opsdeck:audit:{t}")
            }
            #expect(try redis.execute("HGET", "t", "toggle").string == "on", "the script checks before its first write")
            #expect(try redis.execute("EXISTS", "recent:opsdeck:info").int == 0)
        }
    }

    /// The log line is written after the flip (another slot, perhaps another server): when it
    /// cannot be, the flip stands and the result says why.
    @Test func aLogLineThatCannotBeWrittenIsReportedAndTheFlipStands() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "on")
            try redis.execute("SET", "recent:opsdeck:info", "not a list")
            let result = try ToggleStore.flip(ToggleTestSupport.environment(redis), name: "t", to: false)
            #expect(result.changed)
            #expect(try redis.execute("HGET", "t", "toggle").string == "off")
            #expect(result.logFailure?.contains("recent:opsdeck:info") == true, "\(String(describing: result.logFailure))")
            #expect(try redis.execute("LLEN", "opsdeck:audit:{t}").int == 1)
        }
    }

    /// Entries earlier versions wrote to the one shared list stay in the history, merged by
    /// time with the toggle's own list; nothing is moved or lost.
    @Test func theSharedListOfEarlierVersionsIsStillRead() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "t", "toggle", "on")
            try redis.execute("HSET", "u", "toggle", "on")
            try redis.execute(
                "RPUSH", "opsdeck:audit",
                #"{"actor":"old","new":"on","old":"off","reason":null,"time":"2026-01-02T00:00:00Z","toggle":"t"}"#,
                #"{"actor":"old","new":"on","old":"off","reason":null,"time":"2026-01-01T00:00:00Z","toggle":"u"}"#,
                "garbage that is not an entry")
            let env = ToggleTestSupport.environment(redis)
            _ = try ToggleStore.flip(env, name: "t", to: false)
            let history = try AuditStore.history(env, toggle: "t", limit: 10)
            #expect(history.map(\.actor) == ["alice@host", "old", ""], "newest first, the unparsed entry kept: \(history)")
            let all = try AuditStore.history(env, limit: 10)
            #expect(all.filter(\.isValid).map(\.toggle) == ["t", "t", "u"], "\(all)")
            #expect(all.count == 4)
            let latest = try AuditStore.latest(env, toggles: try ToggleStore.list(env))
            #expect(latest["t"]?.actor == "alice@host" && latest["u"]?.actor == "old")
            #expect(try redis.execute("LLEN", "opsdeck:audit").int == 3, "the shared list is left as it was")
        }
    }

    /// Two writers on two connections race to flip the same toggle. Compare-and-set must lose
    /// no update: the audit trail is one unbroken chain old -> new -> old..., one entry per
    /// successful flip, ending at the toggle's final value.
    @Test func twoConcurrentWritersLoseNoUpdate() throws {
        try withServer { server in
            let setup = try server.connect()
            try setup.execute("HSET", "race", "toggle", "True")
            let endpoint = server.endpoint
            let rounds = 150
            let tally = RaceTally()
            let ready = DispatchGroup()
            let done = DispatchGroup()
            let start = DispatchSemaphore(value: 0)
            for writer in 0..<2 {
                ready.enter()
                done.enter()
                let thread = Thread {
                    defer { done.leave() }
                    let connection = RedisConnection(endpoint: endpoint)
                    var patterns = KeyPatterns()
                    patterns.auditCap = 10_000
                    let env = OpsEnvironment(redis: connection, patterns: patterns, actor: "writer\(writer)")
                    ready.leave()
                    start.wait()
                    for _ in 0..<rounds {
                        do {
                            let current = try ToggleStore.get(env, name: "race").state
                            let result = try ToggleStore.flip(env, name: "race", to: current != .on, expect: current)
                            if result.changed { tally.successes.withLock { $0[writer] += 1 } }
                        } catch OperationsError.conflict {
                            tally.conflicts.withLock { $0 += 1 }
                        } catch {
                            tally.failures.withLock { $0.append(String(describing: error)) }
                        }
                    }
                }
                thread.start()
            }
            ready.wait()
            start.signal()
            start.signal()
            done.wait()

            let failures = tally.failures.withLock { $0 }
            let conflicts = tally.conflicts.withLock { $0 }
            let total = tally.successes.withLock { $0.reduce(0, +) }
            #expect(failures == [])
            let entries = (try setup.execute("LRANGE", "opsdeck:audit:{race}", 0, -1).array ?? [])
                .map { AuditEntry(stored: $0.string ?? "") }
            #expect(entries.count == total, "exactly one audit entry per successful flip")
            #expect(total + conflicts == 2 * rounds)
            #expect(entries.allSatisfy { $0.isValid })
            // Newest first: each entry starts from the value the next-older one left.
            for (newer, older) in zip(entries, entries.dropFirst()) {
                #expect(newer.old == older.new, "a lost update would break the chain")
            }
            #expect(entries.last?.old == "True")
            let final = try setup.execute("HGET", "race", "toggle").string
            #expect(entries.first?.new == final)
            #expect(Set(entries.map(\.actor)).isSubset(of: ["writer0", "writer1"]))
        }
    }
}

/// What the racing writers counted; shared between their threads.
private final class RaceTally: Sendable {
    let successes = Mutex<[Int]>([0, 0])
    let conflicts = Mutex<Int>(0)
    let failures = Mutex<[String]>([])
}
