import Foundation
import LocalRedis
import Operations
import RedisClient
import TestSupport

/// Shared setup for the error-database tests: a private server of one flavor, an environment
/// over it, the index where there is a module, and records written the way each deployment
/// keeps them (1.x: `FT.ADD` with the id as key; 2.x and no module: a hash under the prefix).
/// Each test gets its own server, so tests run in parallel safely. Shared by the data layer's
/// tests and the command line's (`OperationsTests`, `CLITests`); stateless.
public enum ErrorFixtures {
    public static let seedID = "useNewAlgorithm:03-12-19-10-32-05"
    public static let seedFields: [String: String] = [
        "toggleName": "useNewAlgorithm",
        "toggleValue": "True",
        "fingerPrint": "John S,Stephanie B",
        "exceptionBody": "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5\n"
            + "\tat com.example.Algorithm.pick(Algorithm.java:42)\n\tat com.example.Main.main(Main.java:12)",
    ]

    /// 2024-05-01 12:00:00 UTC: a fixed clock, so windows and ids are exact.
    public static let clock = Date(timeIntervalSince1970: 1_714_564_800)

    /// The generation each flavor must be detected as.
    public static func generation(_ flavor: ServerFlavor) -> SearchModule.Generation {
        switch flavor {
        case .plain: return .none
        case .search1: return .v1
        case .search2: return .v2
        }
    }

    /// Runs `body` with a fresh server, an environment at `now`, and the index created
    /// (when the server has a module).
    public static func with<T>(
        _ flavor: ServerFlavor, now: Date = clock, index: Bool = true,
        _ body: (OpsEnvironment, RedisServerProcess) throws -> T
    ) throws -> T {
        try withConnection(flavor) { redis, server in
            let env = OpsEnvironment(redis: redis, actor: "test", now: { now })
            if index, flavor != .plain { try ErrorStore().createIndex(env) }
            return try body(env, server)
        }
    }

    /// Writes a record under an exact id, as a service of that deployment would.
    public static func seed(_ env: OpsEnvironment, _ flavor: ServerFlavor, id: String, fields: [String: String]) throws {
        let pairs: [any RedisArgument] = fields.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
        switch flavor {
        case .search1:
            try env.redis.execute(RedisCommand("FT.ADD", [env.patterns.errorIndex, id, "1.0", "FIELDS"] + pairs))
        case .search2, .plain:
            try env.redis.execute(RedisCommand("HSET", [env.patterns.errorPrefix + id] + pairs))
        }
    }

    public static func seedSampleRecord(_ env: OpsEnvironment, _ flavor: ServerFlavor) throws {
        try seed(env, flavor, id: seedID, fields: seedFields)
    }

    /// A record with only an exception body, for matching tests.
    public static func seed(_ env: OpsEnvironment, _ flavor: ServerFlavor, id: String, toggle: String = "other", body: String)
        throws
    {
        try seed(
            env, flavor, id: id,
            fields: [
                "toggleName": toggle, "toggleValue": "True", "fingerPrint": "Ann L", "exceptionBody": body,
            ])
    }

    /// The ids a search returns, sorted.
    public static func ids(_ result: ErrorSearchResult) -> [String] { result.records.map(\.id).sorted() }
}
