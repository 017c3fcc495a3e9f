import Foundation
import LocalRedis
import RedisClient
import TestSupport
import Testing

/// RediSearch 1.x on an OSS cluster: the index name is a key, so the index lives on the node
/// that owns its slot and every FT.* command must go there, whichever node the user named.
@Suite struct ClusterSearchTests {
    @Test func theIndexIsCreatedWrittenAndSearchedOnTheNodeThatOwnsItsName() throws {
        let cluster = try LocalCluster(masters: 3, flavor: .search1, port: freeLoopbackPort)
        defer { cluster.stop() }
        let owner = try cluster.master(of: HashSlot.of("toggle_errors_db"))
        let elsewhere = (owner + 1) % 3
        let initialise = try OpsdeckRun.run(["errors", "init", "--url", cluster.url(node: elsewhere)])
        #expect(initialise.status == 0, "\(initialise.allOutput)")
        #expect(
            try cluster.connect(node: owner).execute("FT.INFO", "toggle_errors_db").errorMessage == nil,
            "the index is on the node that owns its name")

        for index in 0..<4 {
            let add = try OpsdeckRun.run([
                "errors", "add", "--toggle", "checkoutV2", "--value", "True", "--fingerprint", "Nina Q",
                "--exception", "IllegalStateException in cart \(index)", "--url", cluster.url(node: index % 3),
            ])
            #expect(add.status == 0, "\(add.allOutput)")
        }
        let search = try OpsdeckRun.run(["errors", "search", "IllegalStateException", "--url", cluster.url(node: elsewhere), "--json"])
        #expect(search.status == 0, "\(search.allOutput)")
        // RediSearch 1.x keeps each document on the index's node, where a key of another slot
        // cannot be read back: every result is found, and those without their text say so.
        let found = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any] ?? [:]
        let records = found["records"] as? [[String: Any]] ?? []
        #expect(records.count == 4 && (found["total"] as? Int) == 4, "\(search.stdout)")
        let empty = records.filter { ($0["fields"] as? [String: Any])?.isEmpty ?? true }.count
        if empty > 0 {
            #expect(
                (found["notice"] as? String)?.contains("\(empty) of 4 results came back without their fields") == true,
                "\(search.stdout)")
        }
        let readable = records.filter { !(($0["fields"] as? [String: Any])?.isEmpty ?? true) }
        for record in readable { #expect((record["exceptionBody"] as? String)?.contains("cart") == true) }
        let count = try OpsdeckRun.run(["errors", "count", "--toggle", "checkoutV2", "--url", cluster.url(node: (owner + 2) % 3)])
        #expect(count.status == 0 && count.stdout.contains("4"), "\(count.allOutput)")
    }
}
