import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// `opsdeck incident export` run as the real binary against each server kind: the Markdown and
/// the JSON hold the server, the flips in the window with their audit, the error groups with a
/// sample, the error log lines, and personal data masked.
@Suite struct IncidentExportCLITests {
    static func seed(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws {
        let now = Date()
        for i in 0..<30 {
            let id = ErrorID.make(toggle: "cart", date: now.addingTimeInterval(-Double(10 + i * 15)))
            try ErrorFixtures.seed(
                env, flavor, id: id, toggle: "cart",
                body: "java.lang.IllegalStateException: order \(1000 + i) for john.smith@jsmith.com failed\n"
                    + "\tat java.util.Objects.check(Objects.java:1)\n\tat com.shop.Cart.pay(Cart.java:88)")
        }
        // Old errors of another toggle: outside a 1 h window.
        try ErrorFixtures.seed(
            env, flavor, id: ErrorID.make(toggle: "search", date: now.addingTimeInterval(-3 * 86_400)),
            toggle: "search", body: "java.lang.NullPointerException")
        let iso = ISO8601DateFormatter()
        let flip =
            "{\"actor\":\"priya@laptop\",\"new\":\"True\",\"old\":\"False\",\"reason\":\"call 718-111-2222\","
            + "\"time\":\"\(iso.string(from: now.addingTimeInterval(-12 * 60)))\",\"toggle\":\"cart\"}"
        try env.redis.execute(RedisCommand("LPUSH", ["opsdeck:audit", flip]))
        let utc = TimeZone(identifier: "UTC")!
        try env.redis.execute(
            RedisCommand(
                "LPUSH",
                [
                    "recent:checkout:error",
                    AsctimeTimestamp.format(now.addingTimeInterval(-60), timeZone: utc) + " payment failed for ann@example.org",
                ]))
        try env.redis.execute(
            RedisCommand(
                "LPUSH",
                [
                    "recent:checkout:info",
                    AsctimeTimestamp.format(now.addingTimeInterval(-60), timeZone: utc) + " routine line",
                ]))
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func markdownAndJSONHoldTheIncidentMasked(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try Self.seed(env, flavor)
            let socket = ["-s", server.socketPath]
            let md = try OpsdeckRun.run(["incident", "export", "--since", "1h"] + socket, environment: ["TZ": "UTC"])
            #expect(md.status == 0, "\(md.stderr)")
            let text = md.stdout
            #expect(text.hasPrefix("# Incident report"))
            #expect(text.contains("Endpoint: unix://\(server.socketPath)"))
            #expect(text.contains("Server version: "))
            #expect(text.contains("**cart** False → True by priya@laptop"))
            #expect(text.contains("### 30 × IllegalStateException: order 1000 for j•••••••@jsmith.com failed · Cart.java:88"))
            #expect(text.contains("First seen: "))
            // The sample is a stack trace in a code block: its tabs read as indentation there,
            // not as the screen's `→` placeholder.
            #expect(text.contains("\n    at com.shop.Cart.pay(Cart.java:88)\n"), "\(text)")
            #expect(!text.contains("→at"))
            #expect(text.contains("payment failed for a•••••••@example.org"))
            #expect(!text.contains("routine line"), "only error and critical lines")
            #expect(!text.contains("NullPointerException"), "old errors are outside the window")
            for secret in ["john.smith@jsmith.com", "718-111-2222", "ann@example.org"] {
                #expect(!text.contains(secret), "\(secret) must be masked")
            }
            #expect(text.contains("•••-•••-2222"))

            let json = try OpsdeckRun.run(
                ["incident", "export", "--since", "1h", "--format", "json", "--toggle", "CART"] + socket,
                environment: ["TZ": "UTC"])
            #expect(json.status == 0, "\(json.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let groups = try #require(object["groups"] as? [[String: Any]])
            #expect(groups.count == 1)
            #expect(groups.first?["count"] as? Int == 30)
            #expect((groups.first?["sample"] as? [String: Any])?["toggleName"] as? String == "cart")
            #expect((object["changes"] as? [[String: Any]])?.first?["actor"] as? String == "priya@laptop")
            #expect((object["logs"] as? [[String: Any]])?.count == 1)
            #expect(!json.stdout.contains("john.smith@jsmith.com"))

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("incident-\(UUID().uuidString).md")
            defer { try? FileManager.default.removeItem(at: file) }
            let written = try OpsdeckRun.run(["incident", "export", "--output", file.path] + socket)
            #expect(written.status == 0 && written.stdout.isEmpty)
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Incident report"))
            #expect(try OpsdeckRun.run(["incident", "export", "--since", "soon"] + socket).status != 0)
        }
    }
}
