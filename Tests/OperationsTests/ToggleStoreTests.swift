import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct ToggleStoreTests {
    @Test func discoveryIgnoresOtherTypesAndHashesWithoutToggle() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "useNewAlgorithm", "toggle", "True", "releaseNum", "2.5", "override", "fb-user")
            try redis.execute("HSET", "darkMode", "toggle", "no")
            try redis.execute("HSET", "session:1", "authType", "fb-user")
            try redis.execute("SET", "toggle", "a string named toggle")
            try redis.execute("LPUSH", "recent:x:info", "line")
            try redis.execute("SADD", "a-set", "toggle")
            let env = ToggleTestSupport.environment(redis)
            let keys = try ToggleStore.discover(env)
            #expect(Set(keys) == ["useNewAlgorithm", "darkMode"])
            let toggles = try ToggleStore.list(env)
            #expect(toggles.map(\.name) == ["darkMode", "useNewAlgorithm"])
            #expect(toggles[0].state == .off)
            #expect(toggles[1].audiences == ["fb-user"])
            #expect(toggles[1].releaseNum == "2.5")
        }
    }

    @Test func findsToggleAmongFiveThousandKeysWithAPattern() throws {
        try withConnection { redis, _ in
            try redis.send((0..<5_000).map { RedisCommand("HSET", "session:\($0)", "authType", "web") })
            try redis.send((0..<20).map { RedisCommand("HSET", "toggle:feature\($0)", "toggle", $0 % 2 == 0 ? "on" : "off") })
            try redis.execute("HSET", "toggle:notAToggle", "something", "else")
            var patterns = KeyPatterns(toggles: "toggle:*")
            patterns.scanCount = 100
            let sender = CommandRecorder(redis)
            let env = ToggleTestSupport.environment(sender, patterns: patterns)
            let toggles = try ToggleStore.list(env)
            #expect(toggles.count == 20)
            #expect(toggles.first?.name == "feature0", "names drop the pattern's prefix")
            #expect(!sender.sent.contains { $0.name == "KEYS" }, "never KEYS")
            #expect(sender.sent.filter { $0.name == "SCAN" }.allSatisfy { $0.arguments.contains(Array("TYPE".utf8)) })
            #expect(try ToggleStore.get(env, name: "feature3").value.raw == "off")
            #expect(try ToggleStore.get(env, name: "toggle:feature3").name == "feature3", "the full key works too")
        }
    }

    /// Found by bench 23b: RediSearch 1.x keeps each error document as a hash named by its id,
    /// and the discovery asked HEXISTS of every one (18,028 commands/s idle at 1,000,000
    /// records). Keys shaped as error ids are passed over; a toggle is still found, and a key
    /// that only looks like one (no valid time suffix) is still checked.
    @Test func errorDocumentsOfRediSearch1AreNotCheckedForTheToggleField() throws {
        try withConnection(.search1) { redis, _ in
            let env = ToggleTestSupport.environment(redis)
            try ErrorStore().createIndex(env)
            let now = Date()
            try ReplyFailure.check(
                try redis.send(
                    (0..<300).map {
                        RedisCommand(
                            "FT.ADD", env.patterns.errorIndex,
                            ErrorID.make(toggle: "t\($0 % 3)", date: now.addingTimeInterval(-Double($0))),
                            "1.0", "FIELDS", "toggleName", "t\($0 % 3)", "exceptionBody", "E")
                    }))
            try redis.execute("HSET", "payments", "toggle", "on")
            try redis.execute("HSET", "odd:12-31-99-23-59", "toggle", "off") // one field short of an id
            let recorder = CommandRecorder(redis)
            let keys = try ToggleStore.discover(ToggleTestSupport.environment(recorder))
            #expect(Set(keys) == ["payments", "odd:12-31-99-23-59"])
            let asked = recorder.sent.filter { $0.name == "HEXISTS" }.count
            #expect(asked == 2, "HEXISTS asked \(asked) times for 2 non-error hashes among 300 error documents")
        }
    }

    @Test func fetchSkipsVanishedAndWrongTypeKeysInOneRoundTrip() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "a", "toggle", "1")
            try redis.execute("LPUSH", "b", "not a hash")
            try redis.execute("HSET", "c", "toggle", "0")
            let sender = CommandRecorder(redis)
            let env = ToggleTestSupport.environment(sender)
            let toggles = try ToggleStore.fetch(env, keys: ["a", "b", "gone", "c"])
            #expect(toggles.map(\.name) == ["a", "c"])
            #expect(sender.sent.count == 4 && sender.sent.allSatisfy { $0.name == "HGETALL" })
        }
    }

    @Test func getExplainsMissingAndWrongTypeKeys() throws {
        try withConnection { redis, _ in
            try redis.execute("LPUSH", "aList", "x")
            try redis.execute("HSET", "plainHash", "f", "v")
            let env = ToggleTestSupport.environment(redis)
            #expect {
                try ToggleStore.get(env, name: "nothing")
            } throws: { error in
                guard case OperationsError.unknownName(let kind, let name, _, _) = error else { return false }
                return kind == "toggle" && name == "nothing"
            }
            #expect {
                try ToggleStore.get(env, name: "aList")
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("a list")
            }
            #expect {
                try ToggleStore.get(env, name: "plainHash")
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("without a `toggle` field")
            }
        }
    }

    @Test func binaryAndEscapeValuesSurviveReading() throws {
        try withConnection { redis, _ in
            let key = RedisKey(bytes: [0x66, 0xFF, 0xFE])
            try redis.execute("HSET", key, "toggle", [0x6F, 0x6E, 0xFF] as [UInt8], "fingerprint", "\u{1B}[31mred\u{1B}[0m")
            let env = ToggleTestSupport.environment(redis)
            let toggles = try ToggleStore.list(env)
            #expect(toggles.count == 1)
            #expect(toggles.first?.key == key, "the key keeps its exact bytes")
            #expect(toggles.first?.value.raw == "on\u{FFFD}")
            #expect(toggles.first?.state == .unknown)
            #expect(toggles.first?.fingerprint == "\u{1B}[31mred\u{1B}[0m", "kept verbatim; renderers escape")
        }
    }
}
