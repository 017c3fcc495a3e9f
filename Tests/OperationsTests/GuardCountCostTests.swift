import Foundation
import LocalRedis
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@testable import Operations

/// Issue 26, figure 26b: a running guard counts its toggle's errors every second. Without a
/// search module each count read every error hash again (31 commands/s with 15 hashes, goal
/// 20). With the memory a guard keeps across its checks, a steady error database costs the
/// SCAN pages only, and a new record is read once. Real server, commands counted.
@Suite struct GuardCountCostTests {
    @Test func aRepeatedCountWithoutAModuleReadsOnlyNewHashes() throws {
        try ErrorFixtures.with(.plain) { env, _ in
            let store = ErrorStore()
            for i in 0..<15 {
                _ = try store.add(
                    env, toggleName: i % 3 == 0 ? "payments" : "search", toggleValue: "True", fingerPrint: "", exceptionBody: "E\(i)")
            }
            let since = ErrorFixtures.clock.addingTimeInterval(-60)
            let recorder = CommandRecorder(env.redis)
            let counting = OpsEnvironment(redis: recorder, actor: "test", now: env.now)
            var memory = ErrorClientSearch.Memory()
            #expect(try store.countDetailed(counting, toggle: "payments", since: since, memory: &memory).count == 5)
            let firstReads = recorder.sent.filter { ["HGETALL", "HMGET"].contains($0.name) }.count
            #expect(firstReads >= 15, "the first count reads every error hash: \(firstReads)")

            recorder.reset()
            #expect(try store.countDetailed(counting, toggle: "payments", since: since, memory: &memory).count == 5)
            let reads = recorder.sent.filter { ["HGETALL", "HMGET"].contains($0.name) }
            #expect(reads.isEmpty, "a steady database is not read again: \(reads.map(\.name))")

            _ = try store.add(env, toggleName: "payments", toggleValue: "True", fingerPrint: "", exceptionBody: "E new")
            recorder.reset()
            #expect(try store.countDetailed(counting, toggle: "payments", since: since, memory: &memory).count == 6)
            #expect(recorder.sent.filter { $0.name == "HGETALL" }.count == 1, "the new record alone is read")
        }
    }
}
