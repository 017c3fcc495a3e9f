import Foundation

/// How times, ages and durations read on screen. Stateless and deterministic: the caller
/// passes the time zone, so tests render the same everywhere.
public enum Formatting {
    /// A short age: `now`, `5s`, `3m`, `2h`, `4d`.
    public static func age(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 1 { return "now" }
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3_600)h" }
        return "\(s / 86_400)d"
    }

    /// `HH:mm:ss`.
    public static func clock(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `MM-dd HH:mm:ss`, for error times.
    public static func shortDateTime(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%02d-%02d %02d:%02d:%02d", c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// A time to live: `45s`, `4m05s`, `2h03m`, `3d04h`; `expired` at or below zero.
    public static func ttl(_ seconds: Int) -> String {
        if seconds <= 0 { return "expired" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return String(format: "%dm%02ds", seconds / 60, seconds % 60) }
        if seconds < 86_400 { return String(format: "%dh%02dm", seconds / 3_600, seconds % 3_600 / 60) }
        return String(format: "%dd%02dh", seconds / 86_400, seconds % 86_400 / 3_600)
    }

    /// A count with thousands separators (`12,345`), independent of the locale.
    public static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.month, .day, .hour, .minute, .second], from: date)
    }
}
