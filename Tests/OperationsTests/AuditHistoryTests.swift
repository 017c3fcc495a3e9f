import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct AuditHistoryTests {
    @Test func historyPerToggleAndOverallNewestFirst() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "a", "toggle", "on")
            try redis.execute("HSET", "b", "toggle", "1")
            var env = ToggleTestSupport.environment(redis)
            for (index, step) in [("a", false), ("b", false), ("a", true), ("b", true), ("a", false)].enumerated() {
                env.now = { ToggleTestSupport.fixedDate.addingTimeInterval(Double(index)) }
                _ = try ToggleStore.flip(env, name: step.0, to: step.1, reason: "step \(index)")
            }
            let all = try AuditStore.history(env)
            #expect(all.map(\.reason) == ["step 4", "step 3", "step 2", "step 1", "step 0"])
            #expect(all.first?.date == ToggleTestSupport.fixedDate.addingTimeInterval(4))
            let onlyA = try AuditStore.history(env, toggle: "a")
            #expect(onlyA.map(\.reason) == ["step 4", "step 2", "step 0"])
            #expect(onlyA.map { "\($0.old)->\($0.new)" } == ["on->off", "off->on", "on->off"])
            #expect(try AuditStore.history(env, limit: 2).count == 2)
            #expect(try AuditStore.history(env, toggle: "b", limit: 1).map(\.new) == ["1"])
            #expect(try AuditStore.history(env, toggle: "c").isEmpty)
        }
    }

    @Test func unreadableEntriesAreKeptNotDropped() throws {
        try withConnection { redis, _ in
            try redis.execute("HSET", "a", "toggle", "on")
            let env = ToggleTestSupport.environment(redis)
            _ = try ToggleStore.flip(env, name: "a", to: false)
            try redis.execute("LPUSH", "opsdeck:audit", "not json at all \u{1B}[2J")
            try redis.execute("LPUSH", "opsdeck:audit", #"{"toggle":"a"}"#)
            let all = try AuditStore.history(env)
            #expect(all.count == 3)
            #expect(all[0].unparsed == #"{"toggle":"a"}"#, "incomplete JSON is unreadable, shown raw")
            #expect(all[1].unparsed == "not json at all \u{1B}[2J")
            #expect(all[2].isValid && all[2].toggle == "a")
            #expect(try AuditStore.history(env, toggle: "a").count == 3, "unattributable entries show in every history")
        }
    }

    @Test func wrongTypeAuditKeyIsAClearError() throws {
        try withConnection { redis, _ in
            try redis.execute("SET", "opsdeck:audit", "x")
            let env = ToggleTestSupport.environment(redis)
            #expect {
                try AuditStore.history(env)
            } throws: { error in
                guard case OperationsError.badData(let message) = error else { return false }
                return message.contains("not a list")
            }
        }
    }
}
