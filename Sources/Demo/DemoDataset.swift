import Foundation
import RedisClient

/// The demo's sample data as Redis commands: the exact records of docs/DATA-MODEL.md plus enough
/// realistic data to make every pane look like a real service's. Pure: the same seed and clock
/// give the same commands, which keeps screenshots stable.
public enum DemoDataset {
    /// The seed session of docs/DATA-MODEL.md, exactly.
    public static let seedSessionKey = "session:4156e021:1234"

    /// HSETs for the toggles: a few dozen in mixed states and spellings (one unknown value).
    public static func toggleCommands() -> [RedisCommand] {
        DemoCatalog.toggles.map { name, value, release, fingerprint, override in
            var arguments: [any RedisArgument] = [name, "toggle", value, "releaseNum", release, "fingerprint", fingerprint]
            if let override { arguments += ["override", override] }
            return RedisCommand("HSET", arguments)
        }
    }

    /// HSET + EXPIRE for `count` sessions (the seed's first), with several authTypes and TTLs.
    public static func sessionCommands(count: Int, now: Date, random: inout SeededRandom) -> [RedisCommand] {
        var commands: [RedisCommand] = [
            RedisCommand(
                "HSET", seedSessionKey, "name", "John Smith", "email", "john.smith@jsmith.com",
                "phone", "718-111-2222", "authType", "fb-user", "creationTime", "Fri Apr 5 09:51:05 GMT-5"),
            RedisCommand("EXPIRE", seedSessionKey, 3600),
        ]
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss 'GMT'"
        for index in 1..<max(1, count) {
            let first = DemoCatalog.firstNames.randomElement(using: &random)!
            let last = DemoCatalog.lastNames.randomElement(using: &random)!
            let id = String(random.next() & 0xFFFF_FFFF, radix: 16).leftPadded(to: 8)
            let key = "session:\(id):\(1000 + index)"
            let auth = DemoCatalog.authTypes.randomElement(using: &random)!
            let email = "\(first.lowercased()).\(last.lowercased())@example.com"
            let phone = String(
                format: "%03d-%03d-%04d", Int.random(in: 200...999, using: &random),
                Int.random(in: 100...999, using: &random), Int.random(in: 0...9999, using: &random))
            let created = now.addingTimeInterval(-Double(Int.random(in: 60...86_400, using: &random)))
            commands.append(
                RedisCommand(
                    "HSET", key, "name", "\(first) \(last)", "email", email, "phone", phone,
                    "authType", auth, "creationTime", formatter.string(from: created)))
            // Most sessions expire (10 min to 2 h); a few are long-lived and have no TTL.
            if index % 9 != 0 {
                commands.append(RedisCommand("EXPIRE", key, Int.random(in: 600...7_200, using: &random)))
            }
        }
        return commands
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
