import RedisClient

/// Which RediSearch generation a server runs, which decides how error records are written,
/// indexed and searched (see docs/errors.md).
///
/// An immutable value; detect it once per connection and pass it to `ErrorStore(module:)`.
public struct SearchModule: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Generation: String, Sendable, Hashable, Codable {
        /// RediSearch 1.x (module `ft`): `FT.ADD` documents are plain hashes, keys are the ids.
        case v1
        /// RediSearch 2.x (module `search`): indexes hashes under a key prefix.
        case v2
        /// No search module: the client-side fallback scans the error hashes.
        case none
    }

    public var generation: Generation
    /// The module's version as `MODULE LIST` reports it (10200 = 1.2.0); nil when unknown.
    public var version: Int?

    public init(generation: Generation, version: Int? = nil) {
        self.generation = generation
        self.version = version
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case generation, version }

    /// Writes both keys, `version` as null when unknown, so the JSON shape never changes.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .generation: generation
            case .version: version
            }
        }
    }

    public var description: String {
        switch generation {
        case .v1: return "RediSearch 1.x" + (version.map { " (\($0))" } ?? "")
        case .v2: return "RediSearch 2.x" + (version.map { " (\($0))" } ?? "")
        case .none: return "no search module"
        }
    }

    /// Asks the server: `MODULE LIST` (module `ft` = 1.x, `search` = 2.x). An ACL user without
    /// `+module` gets NOPERM there, so it then asks `COMMAND INFO FT.SEARCH FT._LIST`, which any
    /// user may run: no entry for FT.SEARCH means no module, and only 2.x has `FT._LIST`.
    public static func detect(_ env: OpsEnvironment) throws(OperationsError) -> SearchModule {
        let env = env.on(.errors)
        let moduleList = try env.run { redis throws(RedisError) in try redis.send([RedisCommand("MODULE", "LIST")]) }
        if let modules = moduleList.first?.array {
            return fromModuleList(modules)
        }
        let info = try env.run { redis throws(RedisError) in
            try redis.execute("COMMAND", "INFO", "FT.SEARCH", "FT._LIST")
        }
        guard let entries = info.array, entries.count == 2 else {
            throw .redis(.unexpectedReply(command: "COMMAND INFO", detail: "expected two entries"))
        }
        if entries[0].isNull { return SearchModule(generation: .none) }
        return SearchModule(generation: entries[1].isNull ? .v1 : .v2)
    }

    /// Reads a `MODULE LIST` reply: one `[name, n, ver, v, ...]` entry per module.
    static func fromModuleList(_ modules: [RedisValue]) -> SearchModule {
        for module in modules {
            guard let pairs = module.pairs else { continue }
            let map = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
            let version = map["ver"].flatMap { Int($0) }
            switch map["name"]?.lowercased() {
            case "ft":
                // Early 2.0 builds still called themselves `ft`: the version tells them apart.
                let isV2 = (version ?? 0) >= 20000
                return SearchModule(generation: isV2 ? .v2 : .v1, version: version)
            case "search":
                return SearchModule(generation: .v2, version: version)
            default: continue
            }
        }
        return SearchModule(generation: .none)
    }
}
