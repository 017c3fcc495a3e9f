import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct SessionStoreTests {
    @Test func pagesOverTwentyThousandSessions() throws {
        try withConnection { redis, _ in
            try redis.send(
                (0..<20_000).map {
                    RedisCommand("HSET", "session:\($0)", "name", "user \($0)", "authType", $0 % 4 == 0 ? "fb-user" : "web")
                })
            try redis.execute("LPUSH", "session:not-a-hash", "x")
            let env = ToggleTestSupport.environment(redis)
            let first = try SessionStore.page(env, count: 200)
            #expect(!first.isComplete, "one SCAN step, not the whole keyspace")
            #expect(!first.sessions.isEmpty && first.sessions.count < 1_000)
            #expect(first.sessions.allSatisfy { $0.fields.count == 2 && $0.ttl == nil })

            var cursor = first.cursor
            var keys = Set(first.sessions.map(\.key))
            var pages = 1
            while true {
                let page = try SessionStore.page(env, cursor: cursor, count: 2_000)
                keys.formUnion(page.sessions.map(\.key))
                pages += 1
                if page.isComplete { break }
                cursor = page.cursor
            }
            #expect(keys.count == 20_000)
            #expect(pages > 5)
            let all = try SessionStore.list(env)
            #expect(all.count == 20_000)
            #expect(Set(all.map(\.key)).count == 20_000)
            #expect(try SessionStore.list(env, limit: 7).count == 7)
        }
    }

    @Test func filtersWithFieldEqualsValue() throws {
        try withConnection { redis, _ in
            try redis.send(
                (0..<300).map {
                    RedisCommand("HSET", "session:\($0)", "authType", $0 % 3 == 0 ? "fb-user" : "web", "region", $0 % 2 == 0 ? "eu" : "us")
                })
            let env = ToggleTestSupport.environment(redis)
            let fb = try SessionStore.list(env, where: SessionFilter(parsing: ["authType=fb-user"]))
            #expect(fb.count == 100 && fb.allSatisfy { $0.authType == "fb-user" })
            let both = try SessionStore.list(env, where: SessionFilter(parsing: ["authType=fb-user", "region=eu"]))
            #expect(both.count == 50)
            let withEquals = try SessionFilter(parsing: ["note=a=b"])
            #expect(withEquals.conditions == [SessionField(name: "note", value: "a=b")])
            for bad in ["authType", "=fb-user", ""] {
                #expect(throws: OperationsError.self) { try SessionFilter(parsing: [bad]) }
            }
        }
    }

    @Test func showHasFieldsInOrderTTLAndEveryDecisionReason() throws {
        try withConnection { redis, _ in
            try redis.execute(
                "HSET", "session:4156e021:1234", "name", "John Smith", "email", "john.smith@jsmith.com",
                "authType", "fb-user", "creationTime", "Fri Apr 5 09:51:05 GMT-5")
            try redis.execute("EXPIRE", "session:4156e021:1234", 600)
            try redis.execute("HSET", "session:anon", "name", "nobody")
            try redis.execute("HSET", "offForAll", "toggle", "False")
            try redis.execute("HSET", "onForAll", "toggle", "True")
            try redis.execute("HSET", "forFacebook", "toggle", "yes", "override", "google, fb-user")
            try redis.execute("HSET", "forGoogle", "toggle", "1", "override", "google")
            try redis.execute("HSET", "broken", "toggle", "maybe", "override", "fb-user")
            let env = ToggleTestSupport.environment(redis)

            let session = try SessionStore.show(env, key: "session:4156e021:1234")
            #expect(session.fields.map(\.name) == ["name", "email", "authType", "creationTime"])
            #expect(session.authType == "fb-user")
            #expect((590...600).contains(session.ttl ?? -1))

            let decisions = FeatureRule().decisions(for: session, toggles: try ToggleStore.list(env))
            let byName = Dictionary(uniqueKeysWithValues: decisions.map { ($0.toggle, $0) })
            #expect(byName["offForAll"]?.reason == .disabled && byName["offForAll"]?.enabled == false)
            #expect(byName["onForAll"]?.reason == .enabledForAll && byName["onForAll"]?.enabled == true)
            #expect(byName["forFacebook"]?.reason == .targeted(authType: "fb-user") && byName["forFacebook"]?.enabled == true)
            #expect(byName["forGoogle"]?.reason == .notTargeted(authType: "fb-user") && byName["forGoogle"]?.enabled == false)
            #expect(byName["broken"]?.reason == .unknownValue(raw: "maybe") && byName["broken"]?.enabled == nil)
            #expect(byName["forFacebook"]?.reason.description == "targeted: authType=fb-user")

            let anonymous = try SessionStore.show(env, key: "session:anon")
            #expect(anonymous.ttl == nil)
            let forGoogle = try ToggleStore.get(env, name: "forGoogle")
            #expect(FeatureRule().evaluate(forGoogle, for: anonymous).reason == .notTargeted(authType: nil))
            #expect(FeatureRule().evaluate(forGoogle, for: anonymous).reason.description == "not targeted: no authType")
        }
    }

    @Test func wrongTypeAndMissingSessionsAreClearErrors() throws {
        try withConnection { redis, _ in
            try redis.execute("LPUSH", "session:list", "x")
            let env = ToggleTestSupport.environment(redis)
            #expect {
                try SessionStore.show(env, key: "session:list")
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("is a list, not a session hash")
            }
            #expect {
                try SessionStore.show(env, key: "session:missing")
            } throws: { error in
                guard case OperationsError.notFound = error else { return false }
                return true
            }
        }
    }

    @Test func blastRadiusCountsSessionsTheRuleReaches() throws {
        try withConnection { redis, _ in
            try redis.send((0..<30).map { RedisCommand("HSET", "session:fb:\($0)", "authType", "fb-user") })
            try redis.send((0..<20).map { RedisCommand("HSET", "session:web:\($0)", "authType", "web") })
            try redis.send((0..<10).map { RedisCommand("HSET", "session:anon:\($0)", "name", "x") })
            try redis.execute("LPUSH", "session:a-list", "x")
            try redis.execute("HSET", "targeted", "toggle", "on", "override", "fb-user, web")
            try redis.execute("HSET", "facebookOnly", "toggle", "on", "override", "fb-user")
            try redis.execute("HSET", "everyone", "toggle", "true")
            try redis.execute("HSET", "nobody", "toggle", "false")
            var patterns = KeyPatterns()
            patterns.scanCount = 7
            let env = ToggleTestSupport.environment(redis, patterns: patterns)
            #expect(try SessionStore.blastRadius(env, toggle: "targeted") == BlastRadius(toggle: "targeted", reached: 50, total: 60))
            #expect(try SessionStore.blastRadius(env, toggle: "facebookOnly").reached == 30)
            #expect(try SessionStore.blastRadius(env, toggle: "everyone").reached == 60)
            #expect(try SessionStore.blastRadius(env, toggle: "nobody").reached == 0)
        }
    }

    @Test func escapeSequencesAndInvalidUTF8InSessionsSurvive() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "session:evil", "name", "\u{1B}]0;pwned\u{07}", "authType", [0x66, 0x62, 0xFF] as [UInt8])
            let env = ToggleTestSupport.environment(redis)
            let session = try SessionStore.show(env, key: "session:evil")
            #expect(session.value(of: "name") == "\u{1B}]0;pwned\u{07}")
            #expect(session.authType == "fb\u{FFFD}")
        }
    }
}
