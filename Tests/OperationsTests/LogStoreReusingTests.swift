import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// `LogStore.read(reusing:)`: lines read again are the earlier Strings (not new copies), and
/// the result is exactly what a plain read gives, whatever happened to the list in between.
@Suite struct LogStoreReusingTests {
    /// Where a String's UTF-8 lives: the same address means the same storage, not a copy.
    private func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    private func line(_ number: Int) -> String { "Thu Nov 26 18:03:33 2026 a line long enough to be on the heap \(number)" }

    @Test func linesReadAgainAreTheEarlierStringsInTheirNewPlaces() throws {
        try withConnection { redis, _ in
            let key = RedisKey("recent:svc:info")
            for number in 0..<10 { try redis.execute("LPUSH", key, line(number)) }
            let env = ToggleTestSupport.environment(redis)
            let list = try #require(try LogStore.discover(env).first)
            let earlier = try LogStore.read(env, lists: [list])[0].lines

            // Unchanged: every line is the earlier String.
            let same = try LogStore.read(env, lists: [list], reusing: [key: earlier])[0].lines
            #expect(same == earlier)
            #expect(zip(same, earlier).allSatisfy { storage($0) == storage($1) })

            // Three new lines at the head, the oldest two trimmed: the rest are reused.
            for number in 10..<13 { try redis.execute("LPUSH", key, line(number)) }
            try redis.execute("LTRIM", key, 0, 10)
            let plain = try LogStore.read(env, lists: [list])[0].lines
            let shifted = try LogStore.read(env, lists: [list], reusing: [key: earlier])[0].lines
            #expect(shifted == plain)
            #expect(shifted.count == 11 && shifted[0] == line(12) && shifted[10] == line(2))
            #expect(storage(shifted[0]) != storage(plain[0]))
            #expect(zip(shifted[3...], earlier).allSatisfy { storage($0) == storage($1) })
        }
    }

    @Test func earlierLinesThatDifferAreNeverTakenForTheReply() throws {
        try withConnection { redis, _ in
            let key = RedisKey("recent:svc:error")
            let bytes = Array("Thu Nov 26 18:03:33 2026 ".utf8) + [0xFF] + Array(" broken".utf8)
            try redis.execute("RPUSH", key, "same", "", bytes, "longer line", "x")
            let env = ToggleTestSupport.environment(redis)
            let list = try #require(try LogStore.discover(env).first)
            let plain = try LogStore.read(env, lists: [list])[0].lines
            // Earlier lines of other lengths and contents, the replaced byte's text, and
            // lines beyond the list's end: the reply's own bytes decide every line.
            let earliers: [[String]] = [
                ["same", "", "Thu Nov 26 18:03:33 2026 \u{FFFD} broken", "longer lin", "y", "extra"],
                ["other", "same", "", "x"], [], ["", "", "", "", "", "", ""], plain,
            ]
            for earlier in earliers {
                #expect(try LogStore.read(env, lists: [list], reusing: [key: earlier])[0].lines == plain)
            }
            #expect(plain[2] == "Thu Nov 26 18:03:33 2026 \u{FFFD} broken")
        }
    }
}
