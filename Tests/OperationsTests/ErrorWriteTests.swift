import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct ErrorWriteTests {
    /// Two errors of one toggle in one second are both kept; the second id still ends with the time.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func twoAddsInTheSameSecondAreBothRecorded(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            let store = ErrorStore()
            let first = try store.add(
                env, toggleName: "useNewAlgorithm", toggleValue: "True",
                fingerPrint: "John S", exceptionBody: "first failure")
            let second = try store.add(
                env, toggleName: "useNewAlgorithm", toggleValue: "True",
                fingerPrint: "John S", exceptionBody: "second failure")
            let third = try store.add(
                env, toggleName: "useNewAlgorithm", toggleValue: "False",
                fingerPrint: "John S", exceptionBody: "third failure")
            #expect(first.id == "useNewAlgorithm:05-01-24-12-00-00")
            #expect(second.id == "useNewAlgorithm#2:05-01-24-12-00-00")
            #expect(third.id == "useNewAlgorithm#3:05-01-24-12-00-00")
            for record in [first, second, third] {
                #expect(record.time == ErrorFixtures.clock)
                #expect(record.toggleName == "useNewAlgorithm")
            }
            #expect(first.key == (flavor == .search1 ? first.id : "error:" + first.id))

            let found = try store.search(env, query: "failure", limit: 10)
            #expect(found.total == 3)
            #expect(Set(found.records.map(\.exceptionBody)) == ["first failure", "second failure", "third failure"])
            #expect(Set(found.records.compactMap(\.time)) == [ErrorFixtures.clock])
            #expect(Set(found.records.map(\.toggleName)) == ["useNewAlgorithm"])
            #expect(try store.count(env, toggle: "useNewAlgorithm", since: ErrorFixtures.clock) == 3)
            #expect(
                try store.search(env, query: "first").records.first?.fields == [
                    "toggleName": "useNewAlgorithm", "toggleValue": "True", "fingerPrint": "John S",
                    "exceptionBody": "first failure",
                ])
        }
    }

    /// An error written by opsdeck is stored the way the deployment's services write theirs.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func addWritesTheServicesFormat(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            let record = try ErrorStore().add(
                env, toggleName: "checkout", toggleValue: "on",
                fingerPrint: "Ann", exceptionBody: "línea 1\nline 2")
            let hash = try env.redis.execute("HGETALL", record.key).pairs ?? []
            #expect(Dictionary(hash, uniquingKeysWith: { first, _ in first })["exceptionBody"] == "línea 1\nline 2")
            #expect(record.firstLine == "línea 1")
            if flavor == .search1 {
                // FT.ADD: the index knows the document by its bare id.
                let info = try env.redis.execute("FT.SEARCH", env.patterns.errorIndex, "Ann", "LIMIT", 0, 10)
                #expect(info.array?.dropFirst().first?.string == "checkout:05-01-24-12-00-00")
            }
        }
    }
}
