import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Issue 23, bug 1 in `opsdeck incident export` (the real binary): a storm of more errors than
/// the export reads bodies for, after a quieter culprit. Per-toggle totals are exact, the culprit
/// is not missing, its first seen is its first error, and groups not wholly read say `≥`.
@Suite struct IncidentStormExportTests {
    @Test func exportUnderAStormIsExactAndKeepsTheCulprit() throws {
        try ErrorFixtures.with(.search2) { env, server in
            let now = Date()
            let first = now.addingTimeInterval(-600)
            var commands: [RedisCommand] = []
            func write(_ toggle: String, _ date: Date, sequence: Int = 1, body: String) {
                let id = ErrorID.make(toggle: toggle, date: date, sequence: sequence)
                commands.append(
                    RedisCommand(
                        "HSET", env.patterns.errorPrefix + id, "toggleName", toggle,
                        "toggleValue", "True", "fingerPrint", "dev", "exceptionBody", body))
            }
            for i in 0..<60 { write("culprit", first.addingTimeInterval(Double(i * 5)), body: "java.lang.IllegalStateException: retry") }
            for toggle in ["stormA", "stormB", "stormC"] {
                for i in 0..<3_400 {
                    write(
                        toggle, now.addingTimeInterval(-50 + Double(i % 50)), sequence: 1 + i / 50,
                        body: "java.net.SocketTimeoutException: \(toggle)")
                }
            }
            var start = 0
            while start < commands.count {
                try ReplyFailure.check(try env.redis.send(Array(commands[start..<min(start + 2_000, commands.count)])))
                start += 2_000
            }
            let md = try OpsdeckRun.run(
                ["incident", "export", "--since", "15m", "-s", server.socketPath],
                environment: ["TZ": "UTC"])
            #expect(md.status == 0, "\(md.stderr)")
            let text = md.stdout
            #expect(text.contains("- **culprit**: 60 · first seen "), "\(text.prefix(3_000))")
            for toggle in ["stormA", "stormB", "stormC"] { #expect(text.contains("- **\(toggle)**: 3400 · first seen ")) }
            #expect(text.contains("### 60 × IllegalStateException: retry"), "the culprit keeps its group, wholly read")
            #expect(text.contains("### ≥ "), "storm groups not wholly read say so")
        }
    }
}
