import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct ErrorSearchTests {
    /// The sample record (docs/DATA-MODEL.md, "Error records") is found by developer, toggle, pasted exception text and prefix.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func findsTheDesignSeedRecord(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            try ErrorFixtures.seed(
                env, flavor, id: "checkout:04-01-24-09-00-00", toggle: "checkout",
                body: "java.lang.NullPointerException at Cart.total")
            let store = ErrorStore()
            for query in [
                "fingerPrint:John", "toggleName:useNewAlgorithm", "ArrayIndexOutOfBoundsException: 5",
                "ArrayIndex*", "dev:john", "TOGGLE:usenewalgorithm", "@fingerPrint:Stephanie",
                "exception:\"ArrayIndexOutOfBoundsException: 5\"", "fingerprint:(John Stephanie)",
            ] {
                let result = try store.search(env, query: query)
                #expect(result.total == 1, "query \(query)")
                guard let record = result.records.first else { continue }
                #expect(record.id == ErrorFixtures.seedID)
                #expect(record.toggleName == "useNewAlgorithm")
                #expect(record.toggleValue == "True")
                #expect(record.fingerPrint == "John S,Stephanie B")
                #expect(record.exceptionBody == ErrorFixtures.seedFields["exceptionBody"])
                #expect(record.firstLine == "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5")
                #expect(record.fields == ErrorFixtures.seedFields)
                #expect(record.time == ISO8601DateFormatter().date(from: "2019-03-12T10:32:05Z"))
            }
            // Field scopes really scope: John is not a toggle name.
            #expect(try store.search(env, query: "toggle:John").total == 0)
            #expect(try store.search(env, query: "NullPointerException").records.map(\.toggleName) == ["checkout"])
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func labelsTheBackend(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            let result = try ErrorStore().search(env, query: "John")
            #expect(result.total == 1)
            switch flavor {
            case .search1:
                #expect(result.backend == .search1)
                #expect(result.notice == nil)
            case .search2:
                #expect(result.backend == .search2)
                #expect(result.notice == nil)
            case .plain:
                #expect(result.backend == .clientSide(scanned: 1, truncated: false))
                #expect(result.notice == "searched 1 error hashes client-side: no search module on this server")
            }
        }
    }

    @Test func clientSideScanIsBoundedAndSaysSo() throws {
        try ErrorFixtures.with(.plain) { env, _ in
            for index in 0..<30 {
                try ErrorFixtures.seed(env, .plain, id: "t:01-01-24-00-00-\(index < 10 ? "0" : "")\(index)", body: "boom")
            }
            let result = try ErrorStore(clientSideScanLimit: 20).search(env, query: "boom", limit: 5)
            #expect(result.backend == .clientSide(scanned: 20, truncated: true))
            #expect(result.total == 20)
            #expect(result.records.count == 5)
            #expect(result.notice?.contains("stopped after 20 keys") == true)
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func pagesWithLimitAndOffset(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            for second in 10..<15 {
                try ErrorFixtures.seed(env, flavor, id: "pager:01-01-24-00-00-\(second)", body: "paged failure")
            }
            let store = ErrorStore()
            let first = try store.search(env, query: "paged", limit: 2, offset: 0)
            let second = try store.search(env, query: "paged", limit: 2, offset: 2)
            let third = try store.search(env, query: "paged", limit: 2, offset: 4)
            #expect(first.total == 5)
            let sizes: [Int] = [first.records.count, second.records.count, third.records.count]
            #expect(sizes == [2, 2, 1])
            let all = Set((first.records + second.records + third.records).map(\.id))
            #expect(all.count == 5)
        }
    }

    /// RediSearch 1.2 returns an id with an empty field list when its hash is gone.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func survivesRecordsWhoseHashIsGone(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorFixtures.seedSampleRecord(env, flavor)
            try ErrorFixtures.seed(env, flavor, id: "gone:05-06-24-07-08-09", toggle: "gone", body: "vanishing failure")
            let key = flavor == .search1 ? "gone:05-06-24-07-08-09" : "error:gone:05-06-24-07-08-09"
            #expect(try env.redis.execute("DEL", key).int == 1)
            let store = ErrorStore()

            let all = try store.search(env, query: "failure*", limit: 10)
            let everything = try store.count(env)
            let perToggle = try store.countsPerToggle(env)
            if flavor == .search1 {
                // The index still lists it: it comes back with no fields, but with its id and time.
                let gone = all.records.first { $0.id == "gone:05-06-24-07-08-09" }
                #expect(gone != nil)
                #expect(gone?.fields == [:])
                #expect(gone?.exceptionBody == "")
                #expect(gone?.toggleName == "gone")
                #expect(gone?.time == ISO8601DateFormatter().date(from: "2024-05-06T07:08:09Z"))
                #expect(everything == 2)
                #expect(perToggle == ["useNewAlgorithm": 1, "gone": 1])
            } else {
                #expect(all.total == 0)
                #expect(everything == 1)
                #expect(perToggle == ["useNewAlgorithm": 1])
            }
            #expect(try store.search(env, query: "John").total == 1)
        }
    }
}
