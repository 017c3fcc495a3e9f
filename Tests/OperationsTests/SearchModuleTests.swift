import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport
import Testing

@Suite struct SearchModuleTests {
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func detectsTheGenerationWithModuleList(flavor: ServerFlavor) throws {
        try withConnection(flavor) { redis, _ in
            let module = try SearchModule.detect(OpsEnvironment(redis: redis))
            #expect(module.generation == ErrorFixtures.generation(flavor))
            switch flavor {
            case .search1: #expect(module.version.map { $0 < 20000 } == true)
            case .search2: #expect(module.version.map { $0 >= 20000 } == true)
            case .plain: #expect(module.version == nil)
            }
        }
    }

    /// An ACL user without +module cannot run MODULE LIST; detection falls back to COMMAND INFO.
    @Test(arguments: [ServerFlavor.search1, .search2, .plain])
    func fallsBackToCommandInfoWithoutModulePermission(flavor: ServerFlavor) throws {
        try withServer(flavor) { server in
            let admin = try server.connect()
            try admin.execute("ACL", "SETUSER", "oncall", "on", ">pw", "~*", "&*", "+@all", "-module")
            var endpoint = server.endpoint
            endpoint.username = "oncall"
            endpoint.password = "pw"
            let limited = RedisConnection(endpoint: endpoint)
            // The premise: this user really may not list modules.
            #expect(throws: RedisError.self) { try limited.execute("MODULE", "LIST") }

            let module = try SearchModule.detect(OpsEnvironment(redis: limited))
            #expect(module.generation == ErrorFixtures.generation(flavor))
            #expect(module.version == nil)
        }
    }
}
