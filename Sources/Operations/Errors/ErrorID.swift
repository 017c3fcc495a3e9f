import Foundation

/// The error id format services already use (docs/DATA-MODEL.md): `<toggleName>:<MM-DD-YY-HH-MM-SS>`,
/// the time in UTC. A pure namespace; thread-safe.
///
/// When two errors of one toggle land in the same second, the later one gets `#2`, `#3`... on the
/// toggle part (`useNewAlgorithm#2:03-12-19-10-32-05`): the id ends with the time exactly as
/// before, so everything that reads the time from the suffix after the last `:` keeps working,
/// and the true toggle name is in the record's `toggleName` field anyway. (Overwriting with
/// REPLACE would lose an error; moving it to the next free second would record a wrong time.)
public enum ErrorID {
    /// `MM-DD-YY-HH-MM-SS` is 17 characters.
    static let timeLength = 17

    /// The id for an error of `toggle` at `date`; `sequence` > 1 marks a same-second duplicate.
    public static func make(toggle: String, date: Date, sequence: Int = 1) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = (value ?? 0) % 100
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let time = [parts.month, parts.day, parts.year, parts.hour, parts.minute, parts.second].map(two)
            .joined(separator: "-")
        return toggle + (sequence > 1 ? "#\(sequence)" : "") + ":" + time
    }

    /// Whether `bytes` end in an id's time suffix (`:NN-NN-NN-NN-NN-NN`), by shape only: no
    /// String is made, so the toggle discovery can pass over RediSearch 1.x's error documents
    /// (hashes named by their id, a million of them in a big index) at the cost of a compare.
    public static func hasTimeSuffix(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > timeLength else { return false }
        let start = bytes.count - timeLength
        guard bytes[start - 1] == UInt8(ascii: ":") else { return false }
        for offset in 0..<timeLength {
            let byte = bytes[start + offset]
            if offset % 3 == 2 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            }
        }
        return true
    }

    /// The UTC time in the id's suffix, or nil when the suffix is not a valid
    /// `MM-DD-YY-HH-MM-SS` (years are 20YY). Never traps, whatever the id holds.
    public static func time(of id: String) -> Date? {
        // Read as bytes: the suffix is ASCII, so a colon and then six two-digit fields joined by
        // dashes, at the end, is exactly "the part after the last colon is the time" (no colon
        // fits inside it). Finding the colon and splitting by Characters cost 19,500
        // instructions per record, 58% of a search page (callgrind, issue 28, figures 3a/3b).
        let tail = Array(id.utf8.suffix(timeLength + 1))
        guard tail.count == timeLength + 1, tail[0] == UInt8(ascii: ":") else { return nil }
        var numbers: [Int] = []
        numbers.reserveCapacity(6)
        for field in 0..<6 {
            let at = 1 + field * 3
            let tens = Int(tail[at]) - 48
            let ones = Int(tail[at + 1]) - 48
            guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
            if field < 5 && tail[at + 2] != UInt8(ascii: "-") { return nil }
            numbers.append(tens * 10 + ones)
        }
        let (month, day, year, hour, minute, second) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        // Every search result parses its id: plain arithmetic instead of Calendar, which the
        // benchmark found to be 45% of a search's client work. Days that do not exist (02-30,
        // 02-29 outside leap years) give no time.
        let fullYear = 2000 + year
        let leap = fullYear % 4 == 0 && (fullYear % 100 != 0 || fullYear % 400 == 0)
        let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthDays[month - 1] else { return nil }
        let seconds = Self.daysFromCivil(year: fullYear, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        let date = Date(timeIntervalSince1970: TimeInterval(seconds))
        return date
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The toggle part of an id: before the time suffix, without a `#n` duplicate marker.
    /// Used only when a record has lost its fields (RediSearch 1.2 returns such ids).
    public static func toggle(of id: String) -> String {
        guard time(of: id) != nil, let colon = id.lastIndex(of: ":") else { return "" }
        var toggle = id[..<colon]
        if let hash = toggle.lastIndex(of: "#"), toggle[toggle.index(after: hash)...].allSatisfy(\.isNumber),
            toggle.index(after: hash) < toggle.endIndex
        {
            toggle = toggle[..<hash]
        }
        return String(toggle)
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
