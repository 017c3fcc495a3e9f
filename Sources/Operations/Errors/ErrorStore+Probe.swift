import RedisClient

extension ErrorStore {
    /// A cheap "did the error database change?" probe for a dashboard that polls every second:
    /// one `FT.INFO` (its `num_docs` and `max_doc_id`, which move on every add and delete) with
    /// a search module, one `DBSIZE` without (any key change, so it may say "changed" more often
    /// than needed, never less). Compare two answers; equal means nothing to re-read.
    public func changeSignature(_ env: OpsEnvironment) throws(OperationsError) -> String {
        let env = env.on(.errors)
        let module = try resolveModule(env)
        switch module.generation {
        case .v1, .v2:
            let reply = try env.run { redis throws(RedisError) in
                try redis.execute("FT.INFO", env.patterns.errorIndex).elements(of: "FT.INFO")
            }
            var parts: [String] = []
            var index = 0
            while index + 1 < reply.count {
                if let name = reply[index].string, name == "num_docs" || name == "max_doc_id" {
                    parts.append(name + "=" + (reply[index + 1].string ?? "?"))
                }
                index += 2
            }
            return parts.joined(separator: " ")
        case .none:
            let size = try env.run { redis throws(RedisError) in try redis.execute("DBSIZE").int ?? -1 }
            return "dbsize=\(size)"
        }
    }
}
