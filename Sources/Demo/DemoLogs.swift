import Foundation
import Operations
import RedisClient

/// Recent-log lists for the demo's services, in the format services write them: newest first,
/// each line starting with a `time.asctime()` stamp, capped at 100 per list.
public enum DemoLogs {
    static let severities = ["debug", "info", "warning", "error", "critical"]

    /// A message a service at `severity` might log (without the time stamp).
    public static func message(severity: String, random: inout SeededRandom) -> String {
        let templates = DemoCatalog.logMessages[severity] ?? ["event %d"]
        var message = templates.randomElement(using: &random)!
        if message.contains("%d") {
            message = message.replacingOccurrences(of: "%d", with: String(Int.random(in: 2...4_999, using: &random)))
        }
        if message.contains("%s") {
            let name = DemoCatalog.firstNames.randomElement(using: &random)!.lowercased()
            message = message.replacingOccurrences(of: "%s", with: name)
        }
        return message
    }

    /// One line as a service would log it at `date`: asctime stamp, space, message.
    static func line(at date: Date, severity: String, random: inout SeededRandom) -> String {
        AsctimeTimestamp.format(date, timeZone: TimeZone(identifier: "UTC")!) + " " + message(severity: severity, random: &random)
    }

    /// LPUSH (oldest first, so the head is the newest) + LTRIM for every service and severity.
    static func commands(now: Date, random: inout SeededRandom) -> [RedisCommand] {
        var commands: [RedisCommand] = []
        for service in DemoCatalog.services {
            for (rank, severity) in severities.enumerated() {
                // Fewer lines the more severe, as in a healthy-ish service.
                let count = [90, 100, 40, 25, 4][rank] - Int.random(in: 0...3, using: &random)
                var offsets = (0..<count).map { _ in Double(Int.random(in: 5...3_600, using: &random)) }
                offsets.sort(by: >)
                let key = "recent:\(service):\(severity)"
                for offset in offsets {
                    commands.append(
                        RedisCommand("LPUSH", key, line(at: now.addingTimeInterval(-offset), severity: severity, random: &random)))
                }
                commands.append(RedisCommand("LTRIM", key, 0, 99))
            }
        }
        return commands
    }
}
