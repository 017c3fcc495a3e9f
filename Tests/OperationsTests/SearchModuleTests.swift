import Foundation
import LocalRedis
import Operations
import OperationsTestSupport
import RedisClient
import TestSupport
import Testing

@Suite struct SearchModuleTests {
    /// The shared detector asks once, keeps the answer for every holder (on any thread), and
    /// asks again when told to.
    @Test func theDetectorAsksOnceAndAgainWhenTold() throws {
        try withConnection(.search1) { redis, _ in
            let detector = SearchModuleDetector()
            let env = OpsEnvironment(redis: redis)
            #expect(detector.module == nil)
            #expect(try detector.module(env).generation == .v1)
            let asked = try redis.execute("INFO", "commandstats").string ?? ""
            #expect(try detector.module(env).generation == .v1)
            let again = try redis.execute("INFO", "commandstats").string ?? ""
            #expect(Self.calls("module", asked) == Self.calls("module", again), "the kept answer, not a new MODULE LIST")
            #expect(try detector.redetect(env).generation == .v1)
            let redetected = try redis.execute("INFO", "commandstats").string ?? ""
            #expect(Self.calls("module", redetected) > Self.calls("module", again), "asked again")
            let shared = detector
            let seen = try #require(DispatchQueue.global().sync { shared.module })
            #expect(seen.generation == .v1)
        }
    }

    /// `calls=` of `cmdstat_<command>` (and its subcommands) in INFO commandstats.
    static func calls(_ command: String, _ info: String) -> Int {
        info.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("cmdstat_\(command)") }.compactMap { line in
            line.split(separator: ",").first { $0.contains("calls=") }?.split(separator: "=").last.flatMap { Int($0) }
        }.reduce(0, +)
    }

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
