import Foundation
import Operations
import RedisClient
import TestSupport
import Testing

/// Issue 24, bug 5 and bug 1 in the export: a flip made outside opsdeck and put on the record
/// by a dashboard is listed as observed, the current state of every toggle named is given, and
/// a log line repeated 25 times is one line `×25`.
@Suite struct IncidentExportObservedCLITests {
    @Test func theExportListsObservedChangesCurrentStatesAndCollapsedLines() throws {
        try withServer { server in
            let redis = try server.connect()
            defer { redis.close() }
            try redis.execute("HSET", "payments", "toggle", "True")
            try redis.execute("HSET", "search", "toggle", " False")
            let env = OpsEnvironment(redis: redis, actor: "sam@ops")
            let toggle = try ToggleStore.get(env, name: "payments")
            #expect(try ObservedChange.record(env, toggle: toggle, old: "False") != nil)
            _ = try ToggleStore.flip(OpsEnvironment(redis: redis, actor: "priya"), name: "search", to: true, expect: .off, reason: nil)
            let utc = TimeZone(identifier: "UTC")!
            let line = AsctimeTimestamp.format(Date().addingTimeInterval(-30), timeZone: utc) + " payment provider timed out"
            try redis.send((0..<25).map { _ in RedisCommand("LPUSH", "recent:checkout:error", line) })
            try redis.execute(
                "LPUSH", "recent:checkout:error",
                AsctimeTimestamp.format(Date().addingTimeInterval(-10), timeZone: utc) + " another failure")

            let md = try OpsdeckRun.run(["incident", "export", "--since", "1h", "-s", server.socketPath], environment: ["TZ": "UTC"])
            #expect(md.status == 0, "\(md.stderr)")
            let text = md.stdout
            #expect(text.contains("## Toggles changed (2)"), "\(text)")
            #expect(text.contains("**payments** False → True outside opsdeck (seen by sam@ops)"), "\(text)")
            #expect(text.contains("## Toggles now (2)"), "\(text)")
            #expect(text.contains("- **payments** ON (`True`)"), "\(text)")
            #expect(text.contains("- **search** ON (`True`)"), "\(text)")
            #expect(text.contains("payment provider timed out ×25"), "\(text)")
            #expect(text.components(separatedBy: "payment provider timed out").count == 2, "one line, not 25")
            #expect(text.contains("another failure"))

            let json = try OpsdeckRun.run(["incident", "export", "--since", "1h", "--format", "json", "-s", server.socketPath])
            #expect(json.status == 0, "\(json.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let toggles = try #require(object["toggles"] as? [[String: Any]])
            #expect(toggles.compactMap { $0["name"] as? String }.sorted() == ["payments", "search"])
            let logs = try #require(object["logs"] as? [[String: Any]])
            #expect(logs.compactMap { $0["repeats"] as? Int }.sorted() == [1, 25])
        }
    }
}
