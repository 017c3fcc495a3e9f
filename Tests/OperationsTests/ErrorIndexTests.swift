import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct ErrorIndexTests {
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func initCreatesTheIndexOnceAndIsIdempotent(flavor: ServerFlavor) throws {
        try ErrorFixtures.with(flavor, index: false) { env, _ in
            let store = ErrorStore()
            if flavor == .plain {
                #expect {
                    try store.createIndex(env)
                } throws: { error in
                    "\(error)".contains("no search module") && "\(error)".contains("client-side")
                }
                return
            }
            // Before init, searching says how to fix it instead of a raw server error.
            #expect {
                try store.search(env, query: "anything")
            } throws: { error in
                "\(error)".contains("opsdeck errors init")
            }
            #expect(try store.createIndex(env) == .created)
            #expect(try store.createIndex(env) == .alreadyExists)
            try ErrorFixtures.seedSampleRecord(env, flavor)
            #expect(try store.search(env, query: "useNewAlgorithm").total == 1)
        }
    }

    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func readOnlyRefusesInitAndAdd(flavor: ServerFlavor) throws {
        try withConnection(flavor) { redis, _ in
            let env = OpsEnvironment(redis: redis, readOnly: true)
            let store = ErrorStore()
            #expect {
                try store.createIndex(env)
            } throws: { error in
                if case .readOnly = error as? OperationsError { return true }
                return false
            }
            #expect {
                try store.add(env, toggleName: "t", toggleValue: "True", fingerPrint: "", exceptionBody: "x")
            } throws: { error in
                if case .readOnly = error as? OperationsError { return true }
                return false
            }
            let keys = try redis.execute("DBSIZE").int
            #expect(keys == 0)
        }
    }
}
