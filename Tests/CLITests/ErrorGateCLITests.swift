import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

/// The real `opsdeck` binary (`OpsdeckRun`) as a pipeline runs it: `errors count --max N` exits
/// 5 above N.
@Suite struct ErrorGateCLITests {
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countMaxGateExitsFiveWhenExceeded(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            let socket = ["-s", server.socketPath]

            let exceeded = try OpsdeckRun.run(["errors", "count", "--max", "0"] + socket)
            #expect(exceeded.status == 5, "stderr: \(exceeded.stderr)")
            #expect(exceeded.stdout == "1\n")
            #expect(exceeded.stderr.contains("gate exceeded: 1 errors"))

            let within = try OpsdeckRun.run(["errors", "count", "--max", "1"] + socket)
            #expect(within.status == 0, "stderr: \(within.stderr)")
            #expect(within.stdout == "1\n")

            // A deploy gate on one toggle in the last 30 minutes, recorded through the CLI now.
            let added = try OpsdeckRun.run(
                [
                    "errors", "add", "--toggle", "payments", "--value", "True", "--fingerprint", "Ann",
                    "--exception-file", "-",
                ] + socket, stdin: "Timeout: gateway\n  at Pay.run")
            #expect(added.status == 0, "stderr: \(added.stderr)")
            let gate = try OpsdeckRun.run(["errors", "count", "--toggle", "payments", "--since", "30m", "--max", "0", "--json"] + socket)
            #expect(gate.status == 5, "stderr: \(gate.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(gate.stdout.utf8)) as? [String: Any]
            #expect(json?["count"] as? Int == 1)
            #expect(json?["exceeded"] as? Bool == true)
            #expect(json?["max"] as? Int == 0)
            let old = try OpsdeckRun.run(["errors", "count", "--toggle", "useNewAlgorithm", "--since", "30m", "--max", "0"] + socket)
            #expect(old.status == 0, "stderr: \(old.stderr)")
            #expect(old.stdout == "0\n")
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func searchPrintsTablesJSONAndClearErrors(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, server in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            let socket = ["-s", server.socketPath]

            let table = try OpsdeckRun.run(["errors", "search", "ArrayIndexOutOfBoundsException: 5"] + socket)
            #expect(table.status == 0, "stderr: \(table.stderr)")
            #expect(table.stdout.contains("useNewAlgorithm:03-12-19-10-32-05  2019-03-12 10:32:05  useNewAlgorithm"))
            #expect(table.stdout.contains("1 of 1 shown"))
            #expect(table.stderr.contains("client-side") == (flavor == .plain))

            let json = try OpsdeckRun.run(["errors", "search", "dev:john", "--json"] + socket)
            #expect(json.status == 0, "stderr: \(json.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
            #expect(Set(object?.keys.map { $0 } ?? []) == ["backend", "notice", "records", "total"])
            let record = (object?["records"] as? [[String: Any]])?.first
            #expect(record?["id"] as? String == ErrorFixtures.seedID)
            #expect(record?["time"] as? String == "2019-03-12T10:32:05Z")

            // A query that starts with `-` goes after `--`, as with any command-line tool.
            let nothing = try OpsdeckRun.run(["errors", "search"] + socket + ["--", "-- @ ("])
            #expect(nothing.status == 64)
            #expect(nothing.stderr.contains("nothing to search for"))
            let unknown = try OpsdeckRun.run(["errors", "search", "color:red"] + socket)
            #expect(unknown.status == 64)
            #expect(unknown.stderr.contains("toggleName"))
        }
    }
}
