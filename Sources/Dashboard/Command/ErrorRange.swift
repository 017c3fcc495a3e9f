import Foundation

/// An absolute time window for the error figures and searches (`:from 10:20`, `:to 10:45`),
/// set in the dashboard's time zone. Either end may be open: no `from` means `to` minus the
/// relative window (`[`/`]`, `:since`), no `to` means now. A plain value.
public struct ErrorRange: Hashable, Sendable {
    public var from: Date?
    public var to: Date?

    public init(from: Date? = nil, to: Date? = nil) {
        self.from = from
        self.to = to
    }

    public var isSet: Bool { from != nil || to != nil }

    /// Where the window starts and ends for a relative width of `window` seconds at `now`.
    public func bounds(window: Double, now: Date) -> (since: Date, until: Date) {
        let until = to ?? now
        return (from ?? until.addingTimeInterval(-window), until)
    }

    /// The window as titles say it: `10:20–10:45`, `since 10:20`, `2026-12-06 23:50–00:10`;
    /// nil when unset (the titles then say `last 15m`). Seconds only when not zero.
    public func label(window: Double, timeZone: TimeZone, now: Date) -> String? {
        guard isSet else { return nil }
        let (since, until) = bounds(window: window, now: now)
        let start = Self.format(since, timeZone: timeZone, now: now, after: nil)
        guard to != nil else { return "since " + start }
        return start + "–" + Self.format(until, timeZone: timeZone, now: now, after: since)
    }

    /// `HH:MM[:SS]`, with the date in front unless it is today (or, for an end, the start's day).
    static func format(_ date: Date, timeZone: TimeZone, now: Date, after start: Date?) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        var text = String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        if let s = c.second, s != 0 { text += String(format: ":%02d", s) }
        let sameDay = calendar.isDate(date, inSameDayAs: start ?? now)
        if !sameDay { text = String(format: "%04d-%02d-%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0) + text }
        return text
    }

    /// Reads `10:20`, `10:20:30`, `2026-12-07 10:20[:30]`, `2026-12-07T10:20` or `2026-12-07`
    /// (midnight) in `timeZone`. A time alone is the latest such time not after `now` (today,
    /// or yesterday when today's is still ahead: `:from 23:50` just after midnight). Nil when
    /// the text is none of these or names no real date.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" }).map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        var day: DateComponents?
        var clock: [Int]?
        for part in parts {
            if part.contains("-"), day == nil {
                let ymd = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard ymd.count == 3, let y = ymd[0], let m = ymd[1], let d = ymd[2], part.count == 10 else { return nil }
                day = DateComponents(year: y, month: m, day: d)
            } else if part.contains(":"), clock == nil {
                let hms = part.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
                guard (2...3).contains(hms.count), hms.allSatisfy({ $0 != nil }) else { return nil }
                let values = hms.map { $0! }
                guard values[0] < 24, values[1] < 60, values.count < 3 || values[2] < 60, values.allSatisfy({ $0 >= 0 }) else {
                    return nil
                }
                clock = values
            } else {
                return nil
            }
        }
        let (h, m, s) = (clock?[0] ?? 0, clock?[1] ?? 0, clock.map { $0.count > 2 ? $0[2] : 0 } ?? 0)
        if var day {
            (day.hour, day.minute, day.second) = (h, m, s)
            guard let date = calendar.date(from: day) else { return nil }
            // Calendar rolls 2026-02-30 over to March: a date that does not exist is refused.
            let back = calendar.dateComponents([.year, .month, .day], from: date)
            guard back.year == day.year, back.month == day.month, back.day == day.day else { return nil }
            return date
        }
        guard clock != nil, let today = calendar.date(bySettingHour: h, minute: m, second: s, of: now) else { return nil }
        return today <= now ? today : calendar.date(byAdding: .day, value: -1, to: today)
    }
}

extension AppState {
    /// `:from TIME` / `:to TIME`: one end of an absolute window for the error figures and
    /// searches; `:from`/`:to` alone (or `now` for `:to`) opens that end again. A time that
    /// cannot be read, or a window that would end before it starts, is said and changes nothing.
    mutating func setRange(end word: String, _ arg: String) -> [Effect] {
        var next = errors.range
        let isFrom = word == "from"
        if arg.isEmpty || (!isFrom && arg == "now") {
            if isFrom { next.from = nil } else { next.to = nil }
        } else {
            guard let date = ErrorRange.parse(arg, now: now, timeZone: timeZone) else {
                say(
                    "Not a time: \(SafeText.line(arg, width: 30)) (try :\(word) 10:20, :\(word) 2026-12-07 10:20)",
                    error: true)
                return []
            }
            if isFrom { next.from = date } else { next.to = date }
        }
        if let from = next.from, let to = next.to, from >= to {
            let f = ErrorRange.format(from, timeZone: timeZone, now: now, after: nil)
            let t = ErrorRange.format(to, timeZone: timeZone, now: now, after: nil)
            say("The window would end before it starts (from \(f) to \(t)): nothing changed", error: true)
            return []
        }
        if let from = next.from, next.to == nil, from >= now {
            say("The window would start in the future: nothing changed", error: true)
            return []
        }
        errors.range = next
        let label = next.label(window: errors.window, timeZone: timeZone, now: now) ?? "last " + Formatting.window(errors.window)
        say("Time window: \(label)")
        return [.setErrorRange(next)]
    }

    /// Back to the relative window (`:since`, `[`/`]`): the effect when a range was set.
    mutating func clearRange() -> [Effect] {
        guard errors.range.isSet else { return [] }
        errors.range = ErrorRange()
        return [.setErrorRange(errors.range)]
    }

    /// What the error titles say the window is: `10:20–10:45` when absolute, else `last 15m`.
    public var errorWindowLabel: String {
        errors.range.label(window: errors.window, timeZone: timeZone, now: now) ?? "last " + Formatting.window(errors.window)
    }
}
