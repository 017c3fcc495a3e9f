import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct LogTailTests {
    let utc = TimeZone(identifier: "UTC")!
    let base = Date(timeIntervalSince1970: 1_795_716_213)

    func line(_ second: Int, _ message: String) -> String {
        AsctimeTimestamp.format(base.addingTimeInterval(Double(second)), timeZone: utc) + " " + message
    }

    func list(_ key: String) -> LogList { LogList(key: RedisKey(key), pattern: "recent:*:*") }

    @Test func mergesListsByTimeKeepingEachListsOrder() {
        var tail = LogTail(timeZone: utc)
        // Stored newest first, as LPUSH leaves them.
        let a = LogListRead(list: list("recent:a:info"), lines: [line(5, "a5"), "a-untimed", line(1, "a1")])
        let b = LogListRead(list: list("recent:b:error"), lines: [line(6, "b6"), line(3, "b3"), line(1, "b1")])
        let update = tail.ingest([a, b])
        #expect(update.isFirstRead)
        #expect(
            update.entries.map(\.message) == ["a1", "a-untimed", "b1", "b3", "a5", "b6"],
            "equal times keep list order; an untimed entry stays beside its older neighbour")
        #expect(update.losses.isEmpty)
    }

    @Test func detectsNewEntriesDespiteRepeatedLines() throws {
        try withConnection { redis, _ in
            let env = ToggleTestSupport.environment(redis)
            try redis.execute("RPUSH", "recent:svc:info", "retrying", "retrying", "boot", "retrying")
            var tail = LogTail(timeZone: utc)
            let first = tail.ingest(try LogStore.read(env, lists: LogStore.discover(env)))
            #expect(first.entries.map(\.message) == ["retrying", "boot", "retrying", "retrying"])

            #expect(tail.ingest(try LogStore.read(env, lists: LogStore.discover(env))).entries.isEmpty, "nothing new")

            try redis.execute("LPUSH", "recent:svc:info", "retrying", "retrying")
            let second = tail.ingest(try LogStore.read(env, lists: LogStore.discover(env)))
            #expect(second.entries.map(\.message) == ["retrying", "retrying"])
            #expect(second.losses.isEmpty)
        }
    }

    @Test func detectsNewEntriesInAFullListWithRepeats() throws {
        // A full list of 100 where only the order of the few distinct lines anchors the read.
        let previous = (0..<100).map { $0 % 10 == 0 ? "tick \($0)" : "same" }
        var tail = LogTail(timeZone: utc)
        _ = tail.ingest([LogListRead(list: list("recent:x:info"), lines: previous)])
        let current = Array((["same", "same", "same"] + previous).prefix(100))
        let update = tail.ingest([LogListRead(list: list("recent:x:info"), lines: current)])
        #expect(update.entries.count == 3)
        #expect(update.losses.isEmpty)
    }

    @Test func reportsPossibleLossWhenMoreArriveThanTheListKeeps() throws {
        try withConnection { redis, _ in
            let env = ToggleTestSupport.environment(redis)
            try redis.send((0..<10).map { RedisCommand("LPUSH", "recent:busy:error", line($0, "old \($0)")) })
            var tail = LogTail(timeZone: utc)
            _ = tail.ingest(try LogStore.read(env, lists: LogStore.discover(env)))

            // 250 more, one a second, written like the services do (LPUSH + LTRIM 0 99).
            for index in 0..<250 {
                try redis.send([
                    RedisCommand("LPUSH", "recent:busy:error", line(10 + index, "new \(index)")),
                    RedisCommand("LTRIM", "recent:busy:error", 0, 99),
                ])
            }
            let update = tail.ingest(try LogStore.read(env, lists: LogStore.discover(env)))
            #expect(update.entries.count == 100)
            #expect(update.entries.first?.message == "new 150" && update.entries.last?.message == "new 249")
            let loss = try #require(update.losses.first)
            #expect(update.losses.count == 1)
            #expect(loss.key == "recent:busy:error" && loss.newEntries == 100)
            #expect(loss.estimatedLost == 150, "one a second for 150 s between the reads")
            #expect(loss.summary.contains("estimate"))

            // Exactly as many as the list keeps since the last read: still flagged (cannot tell).
            let quiet = tail.ingest(try LogStore.read(env, lists: LogStore.discover(env)))
            #expect(quiet.entries.isEmpty && quiet.losses.isEmpty)
        }
    }

    @Test func aListThatIsNotFullLosesNothing() {
        var tail = LogTail(timeZone: utc)
        _ = tail.ingest([LogListRead(list: list("recent:a:info"), lines: ["x", "y"])])
        // Replaced wholesale (DEL and new lines), but short: nothing could have been trimmed.
        let update = tail.ingest([LogListRead(list: list("recent:a:info"), lines: ["p", "q", "r"])])
        #expect(update.entries.map(\.message) == ["r", "q", "p"])
        #expect(update.losses.isEmpty)
        // A new list appearing after the first read: all of it is new.
        let added = tail.ingest([
            LogListRead(list: list("recent:a:info"), lines: ["p", "q", "r"]),
            LogListRead(list: list("recent:b:info"), lines: ["n"]),
        ])
        #expect(added.entries.map(\.message) == ["n"])
    }
}
