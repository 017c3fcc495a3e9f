import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct LogStoreTests {
    let utc = TimeZone(identifier: "UTC")!

    @Test func writeUsesOneTransactionAndKeepsTheListAt100() throws {
        try withConnection { redis, _ in
            let sender = CommandRecorder(redis)
            let env = ToggleTestSupport.environment(sender)
            let entry = try LogStore.write(env, name: "deploy", message: "release 2.5 done", severity: .warning, timeZone: utc)
            #expect(entry.raw == "Thu Nov 26 18:03:33 2026 release 2.5 done")
            #expect(entry.key == "recent:deploy:warning" && entry.timestamp == ToggleTestSupport.fixedDate)
            #expect(sender.sent.map(\.name) == ["MULTI", "LPUSH", "LTRIM", "EXEC"])
            for index in 0..<120 { try LogStore.write(env, name: "deploy", message: "line \(index)", severity: .warning) }
            #expect(try redis.execute("LLEN", "recent:deploy:warning").int == 100)
            #expect(try redis.execute("LINDEX", "recent:deploy:warning", 0).string?.hasSuffix(" line 119") == true)
            #expect(throws: OperationsError.self) { try LogStore.write(env, name: "", message: "x") }
        }
    }

    @Test func writeToWrongTypeKeyIsAClearError() throws {
        try withConnection { redis, _ in
            try redis.execute("SET", "recent:svc:info", "a string")
            let env = ToggleTestSupport.environment(redis)
            #expect {
                try LogStore.write(env, name: "svc", message: "x")
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("recent:svc:info")
            }
            #expect(try redis.execute("GET", "recent:svc:info").string == "a string")
        }
    }

    @Test func discoveryFindsListsOnlyAndFilters() throws {
        try withConnection { redis, _ in
            try redis.execute("LPUSH", "recent:checkout:error", "Thu Nov 26 18:03:33 2026 payment timed out")
            try redis.execute("LPUSH", "recent:checkout:info", "Thu Nov 26 18:03:30 2026 started")
            try redis.execute("LPUSH", "recent:search:debug", "Thu Nov 26 18:03:31 2026 query")
            try redis.execute("SET", "recent:string:info", "not a list")
            try redis.execute("HSET", "recent:hash:info", "f", "v")
            let env = ToggleTestSupport.environment(redis)
            #expect(try LogStore.discover(env).map(\.key.text) == ["recent:checkout:error", "recent:checkout:info", "recent:search:debug"])
            let warnings = try LogStore.discover(env, filter: LogFilter(minimumSeverity: .warning))
            #expect(warnings.map(\.key.text) == ["recent:checkout:error"])
            #expect(try LogStore.discover(env, filter: LogFilter(source: "search")).count == 1)
            let recent = try LogStore.recent(env, filter: LogFilter(text: "PAYMENT"), timeZone: utc)
            #expect(recent.map(\.message) == ["payment timed out"])
            #expect(try LogStore.recent(env, limit: 2, timeZone: utc).map(\.message) == ["query", "payment timed out"])
        }
    }

    @Test func invalidUTF8AndEscapesSurviveReading() throws {
        try withConnection { redis, _ in
            let bytes = Array("Thu Nov 26 18:03:33 2026 ".utf8) + [0xFF, 0xFE] + Array(" \u{1B}[2J\u{1B}]0;x\u{07} end".utf8)
            try redis.execute("LPUSH", "recent:evil:info", bytes)
            try redis.execute("LPUSH", RedisKey(bytes: Array("recent:".utf8) + [0xC3] + Array(":error".utf8)), "bad key")
            let env = ToggleTestSupport.environment(redis)
            let entries = try LogStore.recent(env, timeZone: utc)
            #expect(entries.count == 2)
            let evil = try #require(entries.first { $0.source == "evil" })
            #expect(evil.message == "\u{FFFD}\u{FFFD} \u{1B}[2J\u{1B}]0;x\u{07} end")
            #expect(evil.timestamp != nil)
            #expect(entries.contains { $0.source == "\u{FFFD}" && $0.severity == .error })
        }
    }
}
