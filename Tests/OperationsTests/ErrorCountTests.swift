import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct ErrorCountTests {
    /// Records at known times around the fixed clock (12:00:00 UTC).
    static func seedTimeline(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws {
        let entries: [(String, String, String)] = [
            ("checkout", "05-01-24-10-00-00", "payment timeout after 30s"), // 2 h ago
            ("checkout", "05-01-24-10-30-00", "cart total NaN"), // 1.5 h ago
            ("checkout", "05-01-24-11-40-00", "payment timeout after 30s"), // 20 min ago
            ("checkout", "05-01-24-11-50-00", "payment declined"), // 10 min ago
            ("checkout", "05-01-24-11-59-59", "payment timeout again"), // 1 s ago
            ("other", "05-01-24-11-55-00", "payment timeout elsewhere"), // 5 min ago
            ("checkout-v2", "05-01-24-11-58-00", "payment timeout v2"), // 2 min ago, a different toggle
        ]
        for (toggle, time, body) in entries {
            try ErrorFixtures.seed(env, flavor, id: "\(toggle):\(time)", toggle: toggle, body: body)
        }
        // An id in another format: it counts without a window and never inside one.
        try ErrorFixtures.seed(env, flavor, id: "checkout:yesterday", toggle: "checkout", body: "payment timeout")
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countsByQueryToggleAndWindow(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try Self.seedTimeline(env, flavor)
            let store = ErrorStore()
            let halfHour = ErrorFixtures.clock.addingTimeInterval(-30 * 60)
            #expect(try store.count(env) == 8)
            #expect(try store.count(env, toggle: "checkout") == 6)
            #expect(try store.count(env, toggle: "CHECKOUT") == 6)
            #expect(try store.count(env, toggle: "checkout-v2") == 1)
            #expect(try store.count(env, toggle: "checkout", since: halfHour) == 3)
            #expect(try store.count(env, since: halfHour) == 5)
            #expect(try store.count(env, query: "timeout") == 6)
            #expect(try store.count(env, query: "timeout", toggle: "checkout", since: halfHour) == 2)
            #expect(try store.count(env, query: "exception:payment", toggle: "other") == 1)
            #expect(try store.count(env, toggle: "nosuchtoggle") == 0)
            #expect(try store.count(env, since: ErrorFixtures.clock.addingTimeInterval(1)) == 0)
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func countsPerToggle(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            try Self.seedTimeline(env, flavor)
            let counts = try ErrorStore().countsPerToggle(env)
            #expect(counts == ["checkout": 6, "other": 1, "checkout-v2": 1])
        }
    }

    /// Paging through candidates must not stop after the first page.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func windowedCountPagesThroughEveryCandidate(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor) { env, _ in
            for minute in 0..<25 {
                let id = "busy:05-01-24-11-\(minute < 10 ? "0" : "")\(minute)-00"
                try ErrorFixtures.seed(env, flavor, id: id, toggle: "busy", body: "overload")
            }
            var store = ErrorStore()
            store.pageSize = 4
            let since = ErrorFixtures.clock.addingTimeInterval(-50 * 60) // 11:10
            #expect(try store.count(env, toggle: "busy", since: since) == 15)
            #expect(try store.countsPerToggle(env) == ["busy": 25])
        }
    }
}
