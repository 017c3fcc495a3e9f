import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct ErrorOverviewTests {
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countsAndNewestRecordsInFull(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try ErrorCountTests.seedTimeline(env, flavor)
            var store = ErrorStore()
            store.pageSize = 3 // force several pages over the 8 records
            let overview = try store.overview(env, latest: 3)
            #expect(overview.counts == ["checkout": 6, "other": 1, "checkout-v2": 1])
            #expect(overview.latest.total == 8)
            #expect(
                overview.latest.records.map(\.id) == [
                    "checkout:05-01-24-11-59-59", "checkout-v2:05-01-24-11-58-00",
                    "other:05-01-24-11-55-00",
                ])
            #expect(overview.latest.records.first?.exceptionBody == "payment timeout again", "fetched in full")
        }
    }
}
