import Foundation

/// How times, ages and durations read on screen. Stateless and deterministic: the caller
/// passes the time zone, so tests render the same everywhere.
public enum Formatting {
    /// A short age: `now`, `5s`, `3m`, `2h`, `4d`.
    public static func age(_ seconds: Double) -> String {
        ClockHorizon.note(ClockHorizon.untilAgeChanges(seconds))
        return fixedAge(seconds)
    }

    /// `age` of a length that does not grow with the clock (a window, a duration).
    static func fixedAge(_ seconds: Double) -> String {
        let s = Int(max(0, seconds))
        if s < 1 { return "now" }
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return "\(s / 60)m" }
        if s < 86_400 { return "\(s / 3_600)h" }
        return "\(s / 86_400)d"
    }

    /// A relative time for tables: `now`, `5s ago`, `2m ago` (one rule for every table).
    public static func ago(_ date: Date, now: Date) -> String {
        let text = age(now.timeIntervalSince(date))
        return text == "now" ? text : text + " ago"
    }

    /// A time window's length: `5m`, `15m`, `1h`, `6h`, `1d`.
    public static func window(_ seconds: Double) -> String { fixedAge(seconds) }

    /// Counts as a bar per bucket (`▁▂▃▄▅▆▇█`, blank for none), scaled to the largest, merged
    /// into `width` characters when there are more buckets (adjacent buckets summed).
    public static func sparkline(_ series: [Int], width: Int? = nil) -> String {
        var values = series
        if let width, width > 0, values.count > width {
            values = (0..<width).map { i in
                let from = i * series.count / width, to = (i + 1) * series.count / width
                return series[from..<max(from + 1, to)].reduce(0, +)
            }
        }
        let bars = Array("▁▂▃▄▅▆▇█")
        let top = values.max() ?? 0
        return String(
            values.map { v -> Character in
                guard v > 0, top > 0 else { return " " }
                return bars[min(bars.count - 1, (v * bars.count - 1) / top)]
            })
    }

    /// `HH:mm:ss`.
    public static func clock(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// `MM-dd HH:mm:ss`, for error times.
    public static func shortDateTime(_ date: Date, in zone: TimeZone) -> String {
        let c = components(date, zone)
        return String(
            format: "%02d-%02d %02d:%02d:%02d", c.month ?? 0, c.day ?? 0,
            c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// A time to live read at `readAt`, counted down to `now` on the clock's whole seconds
    /// (every countdown on screen moves at the same instant, so they share one frame a second
    /// instead of one each, issue 28); `expired` once it reaches zero.
    public static func ttl(_ seconds: Int, readAt: Date, now: Date) -> String {
        let base = readAt.timeIntervalSince1970.rounded(.down)
        let clock = max(base, now.timeIntervalSince1970)
        let left = seconds - Int(clock.rounded(.down) - base)
        if left > 0 { ClockHorizon.note(clock.rounded(.down) + 1 - clock) }
        return ttl(left)
    }

    /// A time to live: `45s`, `4m05s`, `2h03m`, `3d04h`; `expired` at or below zero. Fixed
    /// text: a countdown on screen is `ttl(_:readAt:now:)`.
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
