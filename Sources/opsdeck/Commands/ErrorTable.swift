import Foundation
import Operations

/// Human output of `opsdeck errors search`: one aligned row per record (id, time, toggle,
/// fingerprint, first line of the exception), then a summary line. Main thread only.
enum ErrorTable {
    /// Longest exception line shown in a row; the full text is in `--json`.
    static let lineWidth = 100

    static func print(_ result: ErrorSearchResult) {
        if result.records.isEmpty {
            Swift.print("no errors found (\(result.backend))")
        } else {
            let rows = result.records.map { record in
                [
                    record.id, time(record.time), record.toggleName, record.fingerPrint,
                    clipped(ExceptionSummary(body: record.exceptionBody).line),
                ]
            }
            Output.table(["ID", "TIME (UTC)", "TOGGLE", "FINGERPRINT", "EXCEPTION"], rows)
            Swift.print("\(result.records.count) of \(result.total) shown (\(result.backend))")
        }
        if let notice = result.notice { Output.error("note: " + notice) }
    }

    /// `2019-03-12 10:32:05`, in UTC like the ids it comes from.
    static func time(_ date: Date?) -> String {
        guard let date else { return "-" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }

    private static func clipped(_ line: String) -> String {
        line.count > lineWidth ? String(line.prefix(lineWidth - 1)) + "…" : line
    }
}
