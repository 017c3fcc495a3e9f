import RedisClient
import TestSupport
import Testing

@Suite struct ReplyRoundTripTests {
    @Test(arguments: TestTransport.allCases) func everyReplyType(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            #expect(try redis.execute("SET", "k", "v") == .status("OK"))
            #expect(try redis.execute("GET", "k") == .bulk(Array("v".utf8)))
            #expect(try redis.execute("GET", "missing") == .null)
            #expect(try redis.execute("INCRBY", "n", 41) == .integer(41))
            #expect(try redis.execute("RPUSH", "l", "a", "b") == .integer(2))
            #expect(try redis.execute("LRANGE", "l", 0, -1) == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8))]))
            let nested = try redis.execute("EVAL", "return {1, {'x', 2}, redis.status_reply('FINE')}", 0)
            #expect(nested == .array([.integer(1), .array([.bulk(Array("x".utf8)), .integer(2)]), .status("FINE")]))
            let replies = try redis.send([RedisCommand("NOSUCHCOMMAND"), RedisCommand("PING")])
            #expect(replies.count == 2)
            #expect(replies[0].errorMessage?.contains("unknown command") == true)
            #expect(replies[1] == .status("PONG"))
        }
    }

    @Test(arguments: TestTransport.allCases) func binarySafeArgumentsAndValues(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            let everyByte = (0...255).map(UInt8.init)
            let invalidUTF8Key = RedisKey(bytes: [0x6B, 0xFF, 0x00, 0xFE])
            try redis.execute("SET", invalidUTF8Key, everyByte)
            #expect(try redis.execute("GET", invalidUTF8Key) == .bulk(everyByte))
            try redis.execute("SET", "empty", "")
            #expect(try redis.execute("GET", "empty") == .bulk([]))
            #expect(try redis.execute("STRLEN", "empty") == .integer(0))
            try redis.execute("HSET", "h", "", "nul\u{0}inside")
            #expect(try redis.execute("HGET", "h", "") == .bulk(Array("nul\u{0}inside".utf8)))
            let keys = try KeyScanner.collect(on: redis, pattern: "k*")
            #expect(keys == [invalidUTF8Key])
            #expect(keys[0].text == "k\u{FFFD}\u{0}\u{FFFD}")
        }
    }

    @Test(arguments: TestTransport.allCases) func pipelineOfTenThousandCommands(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            let writes = (0..<10_000).map {
                RedisCommand("HSET", "toggle:\($0)", "toggle", $0 % 2 == 0 ? "True" : "False", "releaseNum", "\($0)")
            }
            let written = try redis.send(writes)
            #expect(written.count == 10_000)
            #expect(written.allSatisfy { $0 == .integer(2) })
            let reads = try redis.send((0..<10_000).map { RedisCommand("HGET", "toggle:\($0)", "releaseNum") })
            #expect(reads.enumerated().allSatisfy { index, reply in reply.string == String(index) })
        }
    }

    @Test(arguments: TestTransport.allCases) func wrongTypeIsTyped(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            try redis.execute("LPUSH", "recent:x:info", "line")
            #expect(throws: RedisError.wrongType(detail: "WRONGTYPE Operation against a key holding the wrong kind of value")) {
                try redis.execute("HGETALL", "recent:x:info")
            }
            #expect(try redis.execute("PING") == .status("PONG"), "an error reply leaves the connection usable")
        }
    }

    @Test(arguments: TestTransport.allCases) func scanPagesWithCountAndType(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            try redis.send((0..<2_500).map { RedisCommand("HSET", "session:\($0)", "authType", "fb-user") })
            try redis.send((0..<100).map { RedisCommand("SET", "session:str:\($0)", "x") })
            var scanner = KeyScanner(pattern: "session:*", count: 100, type: "hash")
            var pages = 0
            var keys = Set<RedisKey>()
            while let page = try scanner.next(on: redis) {
                pages += 1
                keys.formUnion(page)
            }
            #expect(pages > 10, "COUNT 100 over 2,600 keys takes many round trips")
            #expect(keys.count == 2_500)
            #expect(try KeyScanner.collect(on: redis, pattern: "session:*", limit: 10).count == 10)
        }
    }
}

@Suite struct ReplyViewTests {
    @Test(arguments: TestTransport.allCases) func decodingInPlaceReadsWhatTheCopyReads(_ transport: TestTransport) throws {
        try withConnection(transport: transport) { redis, _ in
            try redis.execute("HSET", "h", "toggle", "True", "bin", [0x63, 0x61, 0x66, 0xC3, 0xA9, 0xFF])
            try redis.execute("LPUSH", "l", "x")
            let commands = [
                RedisCommand("HGETALL", "h"), RedisCommand("HGETALL", "l"), RedisCommand("GET", "missing"),
                RedisCommand("EXISTS", "h"), RedisCommand("EVAL", "return {1, {'a', 'b'}}", 0),
            ]
            let copied = try redis.send(commands)
            let viewed = try redis.send(commands) { _, reply in reply.value }
            #expect(viewed == copied)
            let strings = try redis.send([RedisCommand("HGETALL", "h")]) { _, reply in
                (0..<reply.count).map { reply[$0].string ?? "nil" }
            }
            #expect(strings == [["toggle", "True", "bin", "café\u{FFFD}"]])
            let flags = try redis.send(commands) { index, reply in "\(index):\(reply.isError):\(reply.count)" }
            #expect(flags == ["0:false:4", "1:true:0", "2:false:0", "3:false:0", "4:false:2"])
            #expect(try redis.send([RedisCommand("EVAL", "return {1, {'a', 'b'}}", 0)]) { _, r in r[1][1].string } == ["b"])
        }
    }
}
