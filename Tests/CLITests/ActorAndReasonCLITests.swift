import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// Who the audit names and whether a reason is required come from the context: `actor:` (after
/// `--as`), and `require-reason:` (by default, production contexts require one).
@Suite struct ActorAndReasonCLITests {
    @Test func theContextNamesTheActorAndRequiresAReason() throws {
        try withServer { server in
            let admin = try server.connect()
            try admin.execute("HSET", "darkMode", "toggle", "False")
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("opsdeck-actor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let config = directory.appendingPathComponent("config.yaml").path
            try """
            current-context: prod
            contexts:
              prod:
                url: unix://\(server.socketPath)
                production: true
                actor: priya.k
              relaxed:
                url: unix://\(server.socketPath)
                production: true
                require-reason: false
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let refused = try OpsdeckRun.run(["toggles", "set", "darkMode", "on", "--config", config])
            #expect(refused.status == 64, "\(refused.stderr)")
            #expect(refused.stderr.contains("--reason"), "\(refused.stderr)")
            #expect(try admin.execute("HGET", "darkMode", "toggle").string == "False", "nothing written")

            let flipped = try OpsdeckRun.run(["toggles", "set", "darkMode", "on", "--reason", "incident 7", "--config", config])
            #expect(flipped.status == 0, "\(flipped.stderr)")
            let entry = try admin.execute("LINDEX", "opsdeck:audit:{darkMode}", 0).string ?? ""
            #expect(entry.contains("\"actor\":\"priya.k\"") && entry.contains("incident 7"), "\(entry)")

            let relaxed = try OpsdeckRun.run([
                "toggles", "set", "darkMode", "off", "--context", "relaxed", "--as", "ci-bot", "--config", config,
            ])
            #expect(relaxed.status == 0, "require-reason: false lets it through: \(relaxed.stderr)")
            let second = try admin.execute("LINDEX", "opsdeck:audit:{darkMode}", 0).string ?? ""
            #expect(second.contains("\"actor\":\"ci-bot\""), "--as wins over the context: \(second)")
        }
    }
}
