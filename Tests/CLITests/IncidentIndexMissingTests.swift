import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// Issue 29, bug 3: with the error index gone (`FT.DROP`, `FLUSHALL`), `incident export` says so
/// first, in both formats, and exits 1, instead of "No errors in the window." with exit 0.
@Suite struct IncidentIndexMissingTests {
    @Test(arguments: [ServerFlavor.search1, .search2])
    func aMissingIndexIsSaidFirst(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try IncidentExportCLITests.seed(env, flavor)
            try env.redis.execute(RedisCommand("FLUSHALL"))
            let socket = ["-s", server.socketPath]
            let md = try OpsdeckRun.run(["incident", "export", "--since", "1h"] + socket, environment: ["TZ": "UTC"])
            #expect(md.status == 1, "exit \(md.status): \(md.stderr)")
            let lines = md.stdout.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count > 2 && lines[1].contains("errors could not be read"), "\(md.stdout.prefix(600))")
            #expect(md.stdout.contains("does not exist"), "\(md.stdout.prefix(600))")
            #expect(!md.stdout.contains("No errors in the window"), "\(md.stdout.prefix(600))")

            let json = try OpsdeckRun.run(["incident", "export", "--since", "1h", "--format", "json"] + socket)
            #expect(json.status == 1)
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect((object?["errorsUnread"] as? String)?.contains("does not exist") == true, "\(json.stdout.prefix(600))")
        }
    }
}
