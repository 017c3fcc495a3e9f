import RedisClient

extension ToggleStore {
    /// The raw `toggle` field of each of `keys`, in one pipeline of HGET (nil: no such field or
    /// key). Polling only, this is how a flip by another client among 10,000 toggles shows within
    /// one interval (issue 24, bug 3): one short bulk reply per toggle instead of whole hashes,
    /// and the whole hash is read only for those whose value moved. An error reply (a key of
    /// another type, an ACL refusal) is an error, never "no value".
    public static func values(_ env: OpsEnvironment, keys: [RedisKey]) throws(OperationsError) -> [String?] {
        if keys.isEmpty { return [] }
        let read = try env.run { redis throws(RedisError) in
            try redis.send(
                keys.map { RedisCommand("HGET", $0, "toggle") },
                decoding: { _, reply -> (String?, String?) in
                    (reply.string, reply.errorMessage)
                })
        }
        try env.run { _ throws(RedisError) in try ReplyFailure.check(read.compactMap { $0.1.map(RedisValue.error) }) }
        return read.map(\.0)
    }
}
