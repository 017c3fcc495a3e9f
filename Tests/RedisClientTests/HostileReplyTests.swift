import Foundation
import LocalRedis
@testable import RedisClient
import TestSupport
import Testing

/// The hostile-reply table (issue 29, bugs 4 and 6) against the client itself, through a
/// `FaultProxy` in front of a real server: every malformed or enormous reply is an error (no
/// crash, no allocation from an announced length), and the connection works again afterwards.
@Suite struct HostileReplyTests {
    @Test func everyHostileReplyIsAnErrorAndTheConnectionRecovers() throws {
        try withServer { server in
            try server.connect().execute("HSET", "flag", "toggle", "on")
            let proxy = try FaultProxy(backend: server.endpoint)
            defer { proxy.stop() }
            let redis = RedisConnection(
                options: RedisConnectionOptions(
                    endpoint: proxy.endpoint, readTimeout: 5,
                    reconnectBackoff: 0...0))
            for hostile in HostileReply.protocolTable {
                proxy.setRules([FaultRule(hostile.command, hostile.fault)])
                var reply: [RedisValue]?
                var failure: RedisError?
                do throws(RedisError) { reply = try redis.send([RedisCommand("HGETALL", "flag")]) } catch { failure = error }
                // An error reply is an answer, but not one the table's replies may read as data.
                let isErrorReply = reply?.first?.errorMessage != nil
                #expect(failure != nil || isErrorReply, "\(hostile): read as a reply of \(reply?.count ?? 0) value(s)")
                if let failure {
                    #expect("\(failure)".count < 1000, "\(hostile): the error message is \("\(failure)".count) characters long")
                }
                proxy.setRules([])
                #expect(
                    try redis.send([RedisCommand("HGET", "flag", "toggle")]).first?.string == "on",
                    "\(hostile): the connection did not recover")
            }
        }
    }

    /// The limits are said in the error: a 14-byte reply announcing 2^31 elements fails at once.
    @Test func anAnnouncedLengthBeyondTheLimitIsRefusedBeforeItsBytes() throws {
        for header in ["*2147483647\r\n", "$999999999999\r\n", "*100000000\r\n"] {
            let reader = ReplyReader(endpoint: "test")
            try Array(header.utf8).withUnsafeBytes { try reader.feed($0) }
            #expect {
                _ = try reader.nextReply()
            } throws: { error in
                "\(error)".contains("limit")
            }
        }
    }

    /// Any split of valid replies into pieces parses to the same values as the whole (the framer
    /// resumes mid-line and mid-string).
    @Test func repliesSplitAnywhereParseTheSame() throws {
        let wire = "*3\r\n$5\r\nhello\r\n*2\r\n:-42\r\n$-1\r\n+OK\r\n-ERR bad\r\n*0\r\n*-1\r\n$0\r\n\r\n:9223372036854775807\r\n"
        let bytes = Array(wire.utf8)
        func parse(pieces: Int) throws -> [RedisValue] {
            let reader = ReplyReader(endpoint: "test")
            var values: [RedisValue] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + pieces)
                try Array(bytes[start..<end]).withUnsafeBytes { try reader.feed($0) }
                while let root = try reader.nextReply() {
                    values.append(ReplyView(arena: reader.arena, index: root).value)
                    reader.arena.clear()
                }
                start = end
            }
            return values
        }
        let whole = try parse(pieces: bytes.count)
        #expect(
            whole == [
                .array([.bulk(Array("hello".utf8)), .array([.integer(-42), .null]), .status("OK")]),
                .error("ERR bad"), .array([]), .null, .bulk([]), .integer(.max),
            ])
        for size in 1..<bytes.count { #expect(try parse(pieces: size) == whole, "pieces of \(size)") }
    }

    /// Bug 6: an 8 MB error line arriving in 4 KB reads is searched once, not from its start
    /// after every read (hiredis' reader did, taking 19 s of CPU).
    @Test func aLongLineIsScannedOnce() throws {
        let line = Array(("-ERR " + String(repeating: "E", count: 8 << 20) + "\r\n").utf8)
        var framer = RESPFramer(limits: ReplyLimits())
        var complete: Int?
        var end = 0
        while complete == nil && end < line.count {
            end = min(line.count, end + 4096)
            complete = try line.withUnsafeBytes { try framer.scan(UnsafeRawBufferPointer(rebasing: $0[0..<end])) }
        }
        #expect(complete == line.count)
        #expect(framer.examined <= 2 * line.count, "examined \(framer.examined) bytes for a \(line.count)-byte line")
    }
}
