import Foundation
import RedisClient

/// The benchmark's data set, written with plain pipelined commands (loading is not measured).
///
/// Key names are chosen so redis-benchmark can address the same keys: its `__rand_int__`
/// placeholder becomes a 12-digit zero-padded number, so toggle `i` is `toggle:%012d` and
/// `redis-benchmark -r N ... HGETALL toggle:__rand_int__` reads the same hashes opsdeck reads.
enum SyntheticData {
    static let spellings = [("True", "False"), ("true", "false"), ("1", "0"), ("on", "off"), ("yes", "no")]
    static let developers = ["John S", "Stephanie B", "Ana K", "Wei L", "Omar F", "Priya N", "Lars J", "Mia T"]
    static let authTypes = ["fb-user", "google-user", "email", "sso", "guest"]
    static let severities = ["debug", "info", "warning", "error", "critical"]
    static let exceptions = [
        "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5 at com.shop.cart.Cart.total(Cart.java:42)",
        "java.lang.NullPointerException at com.shop.checkout.Payment.authorize(Payment.java:118)",
        "TimeoutError: payment gateway did not answer within 3000 ms at gateway.charge (gateway.js:77)",
        "KeyError: 'currency' in pricing.convert at line 210",
        "java.lang.IllegalStateException: session expired while rendering recommendations",
    ]

    static func toggleKey(_ index: Int) -> String { String(format: "toggle:%012d", index) }

    /// Four-field toggle hashes, like docs/DATA-MODEL.md's example; every spelling of on/off
    /// appears. `prefix` goes before each key (a hash tag, to keep a copy on one cluster node).
    static func toggleCommands(count: Int, prefix: String = "") -> [RedisCommand] {
        (0..<count).map { i in
            let spelling = spellings[i % spellings.count]
            var arguments: [any RedisArgument] = [
                prefix + toggleKey(i), "toggle", i % 3 == 0 ? spelling.1 : spelling.0,
                "releaseNum", "\(2 + i % 5).\(i % 13)", "fingerprint", developers[i % developers.count],
            ]
            if i % 4 == 0 { arguments += ["override", authTypes[i % authTypes.count]] }
            return RedisCommand("HSET", arguments)
        }
    }

    /// Five-field session hashes like docs/DATA-MODEL.md's seed session.
    static func sessionCommands(count: Int) -> [RedisCommand] { sessionCommands(range: 0..<count) }

    /// Sessions `range` of a set (the large profile loads a million in chunks).
    static func sessionCommands(range: Range<Int>) -> [RedisCommand] {
        range.map { i in
            let key = String(format: "session:%08x:%d", UInt32(truncatingIfNeeded: i &* 2_654_435_761), 1000 + i)
            return RedisCommand(
                "HSET", key, "name", "User \(i)", "email", "user\(i)@example.com", "phone", "718-111-\(1000 + i % 9000)",
                "authType", authTypes[i % authTypes.count], "creationTime", "Fri Apr 5 09:51:05 GMT-5")
        }
    }

    /// Log list `i` of `count`: `recent:svc<12 digits>:<severity>`, so redis-benchmark's
    /// `recent:svc__rand_int__:error` names the same lists.
    static func logKey(service: Int, severity: String) -> String { String(format: "recent:svc%012d:%@", service, severity) }

    static func logKeys(lists: Int) -> [String] {
        (0..<lists).map { logKey(service: $0 / severities.count, severity: severities[$0 % severities.count]) }
    }

    static let asctime: String = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        return formatter.string(from: Date())
    }()

    /// `lists` lists of `entries` entries each, oldest pushed first, capped like the writers cap them.
    static func logCommands(lists: Int, entries: Int) -> [RedisCommand] {
        var commands: [RedisCommand] = []
        for key in logKeys(lists: lists) {
            for seq in 0..<entries {
                commands.append(RedisCommand("LPUSH", key, "\(asctime) preloaded line seq=\(seq) of \(key)"))
            }
            commands.append(RedisCommand("LTRIM", key, 0, 99))
        }
        return commands
    }

    /// Error records with docs/DATA-MODEL.md's fields. RediSearch 1.x: FT.ADD documents (the id is the
    /// key); 2.x: hashes under `prefix`, which the index covers.
    static func errorCommands(count: Int, index: String, prefix: String, generation: Int) -> [RedisCommand] {
        var commands: [RedisCommand] = []
        let schema: [any RedisArgument] = [
            "SCHEMA", "toggleName", "TEXT", "toggleValue", "TEXT", "fingerPrint", "TEXT", "exceptionBody", "TEXT",
        ]
        if generation == 1 {
            commands.append(RedisCommand("FT.CREATE", [index] + schema))
        } else {
            commands.append(RedisCommand("FT.CREATE", [index, "ON", "HASH", "PREFIX", 1, prefix] + schema))
        }
        for i in 0..<count {
            let toggle = "feature\(i % 200)"
            let id = String(format: "%@:03-12-19-%02d-%02d-%02d", toggle, (i / 3600) % 24, (i / 60) % 60, i % 60)
            let fields: [any RedisArgument] = [
                "toggleName", toggle, "toggleValue", i % 2 == 0 ? "True" : "False",
                "fingerPrint", "\(developers[i % developers.count]),\(developers[(i + 3) % developers.count])",
                "exceptionBody", exceptions[i % exceptions.count],
            ]
            if generation == 1 {
                commands.append(RedisCommand("FT.ADD", [index, id, "1.0", "FIELDS"] + fields))
            } else {
                commands.append(RedisCommand("HSET", [prefix + id] + fields))
            }
        }
        return commands
    }

    /// Sends commands in pipelines of 1,000 and fails on the first error reply.
    static func load(_ commands: [RedisCommand], on redis: any RedisCommandSender) throws {
        var start = 0
        while start < commands.count {
            let end = min(commands.count, start + 1_000)
            let replies = try redis.send(Array(commands[start..<end]))
            if let bad = replies.firstIndex(where: { $0.errorMessage != nil }) {
                throw LoadError(command: commands[start + bad].description, message: replies[bad].errorMessage ?? "")
            }
            start = end
        }
    }

    struct LoadError: Error, CustomStringConvertible {
        let command: String
        let message: String
        var description: String { "loading the data set failed at \(command): \(message)" }
    }
}
