import Foundation

/// Reads and writes the timestamps the services put in front of log lines: Python's
/// `time.asctime()` (`Thu Nov 26 18:03:33 2026`, the day padded with a space: `Thu Nov  5 ...`),
/// plus the ISO-8601 UTC form of the audit trail.
///
/// Fixed English names and Gregorian arithmetic, independent of the process locale, so a German
/// or Thai locale cannot change what is parsed or written. asctime carries no zone: it is read
/// and written in `timeZone` (the local zone by default, as `time.asctime()` does).
/// Stateless and `Sendable`.
public enum AsctimeTimestamp {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Thu Nov 26 18:03:33 2026` for `date` in `timeZone`.
    public static func format(_ date: Date, timeZone: TimeZone = .current) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let civil = Civil(seconds: Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(offset))
        let day = civil.day < 10 ? " \(civil.day)" : "\(civil.day)"
        return "\(weekdays[civil.weekday]) \(months[civil.month - 1]) \(day) "
            + "\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second)) \(civil.year)"
    }

    /// `2026-11-26T18:03:33Z`.
    public static func iso8601(_ date: Date) -> String {
        let civil = Civil(seconds: Int64(date.timeIntervalSince1970.rounded(.down)))
        let year = String(civil.year)
        return "\(String(repeating: "0", count: max(0, 4 - year.count)))\(year)-\(two(civil.month))-\(two(civil.day))"
            + "T\(two(civil.hour)):\(two(civil.minute)):\(two(civil.second))Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (what `iso8601` writes); nil for anything else.
    public static func parseISO8601(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58,
            bytes[16] == 58, bytes[19] == 90,
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
            let second = number(bytes[17..<19]), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        let seconds =
            Civil.days(year: year, month: month, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// Splits a log line into its leading asctime stamp and the message after it.
    /// Returns nil when the line does not start with a valid stamp; a single space between month
    /// and a one-digit day (`Nov 5`) is accepted too, as some writers do not pad.
    public static func parse(line: String, timeZone: TimeZone = .current) -> (date: Date, message: String)? {
        let utf8 = line.utf8
        var index = utf8.startIndex
        func take(_ count: Int) -> [UInt8]? {
            var result: [UInt8] = []
            for _ in 0..<count {
                guard index != utf8.endIndex else { return nil }
                result.append(utf8[index])
                index = utf8.index(after: index)
            }
            return result
        }
        func skipSpaces(max: Int) -> Int {
            var skipped = 0
            while skipped < max, index != utf8.endIndex, utf8[index] == 32 {
                index = utf8.index(after: index)
                skipped += 1
            }
            return skipped
        }
        guard let weekday = take(3), weekdays.contains(String(decoding: weekday, as: UTF8.self)),
            skipSpaces(max: 1) == 1,
            let monthName = take(3), let month = months.firstIndex(of: String(decoding: monthName, as: UTF8.self)),
            skipSpaces(max: 2) >= 1
        else { return nil }
        var dayDigits: [UInt8] = []
        while dayDigits.count < 2, index != utf8.endIndex, (48...57).contains(utf8[index]) {
            dayDigits.append(utf8[index])
            index = utf8.index(after: index)
        }
        guard let day = number(dayDigits[...]), (1...31).contains(day), skipSpaces(max: 1) == 1,
            let clock = take(8), clock[2] == 58, clock[5] == 58,
            let hour = number(clock[0..<2]), let minute = number(clock[3..<5]), let second = number(clock[6..<8]),
            hour < 24, minute < 60, second < 61, skipSpaces(max: 1) == 1,
            let yearDigits = take(4), let year = number(yearDigits[...])
        else { return nil }
        // The stamp must end here: "2026abc" is not a year.
        if index != utf8.endIndex {
            guard utf8[index] == 32 else { return nil }
            index = utf8.index(after: index)
        }
        let wall =
            Civil.days(year: year, month: month + 1, day: day) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        // The zone offset depends on the instant (DST); two passes settle it except in the
        // repeated hour, where either reading is as good as the stamp allows.
        let first = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall)))
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(wall - Int64(first))))
        let date = Date(timeIntervalSince1970: Double(wall - Int64(offset)))
        let message = String(line[index...])
        return (date, message)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    /// Proleptic Gregorian calendar fields of a count of seconds since 1970 (H. Hinnant's algorithms).
    struct Civil {
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        /// 0 = Monday.
        var weekday = 3

        init(seconds: Int64) {
            var days = seconds / 86_400
            var rest = seconds % 86_400
            if rest < 0 {
                rest += 86_400
                days -= 1
            }
            hour = Int(rest / 3600)
            minute = Int(rest % 3600 / 60)
            second = Int(rest % 60)
            // 1970-01-01 was a Thursday (index 3).
            weekday = Int(((days % 7) + 7 + 3) % 7)
            let shifted = days + 719_468
            let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
            let dayOfEra = shifted - era * 146_097
            let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
            let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
            let monthIndex = (5 * dayOfYear + 2) / 153
            day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
            month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
            year = Int(yearOfEra + era * 400) + (month <= 2 ? 1 : 0)
        }

        /// Days since 1970-01-01 of a civil date.
        static func days(year: Int, month: Int, day: Int) -> Int64 {
            let y = Int64(month <= 2 ? year - 1 : year)
            let era = (y >= 0 ? y : y - 399) / 400
            let yearOfEra = y - era * 400
            let m = Int64(month)
            let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
            let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
            return era * 146_097 + dayOfEra - 719_468
        }
    }
}
