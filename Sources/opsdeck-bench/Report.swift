import Foundation

/// One line of the benchmark table and one element of the JSON line.
///
/// `value` is what opsdeck achieved, `baseline` what the reference (redis-benchmark, redis-cli,
/// the small-state render) achieved in the same run; `ratio` = value / baseline, so 1.0 means
/// "as fast as the reference" and the goal is a ratio wherever the figure depends on machine
/// speed. Absolute goals (100 ms, 1 s, 1%, 150 MB) are the issue's, for this machine.
struct Figure: Codable, Sendable {
    enum Verdict: String, Codable, Sendable { case pass, miss, info, todo, error }

    var id: String
    var title: String
    var unit: String
    var value: Double?
    var min: Double?
    var baseline: Double?
    var baselineMin: Double?
    var baselineLabel: String?
    var ratio: Double?
    var goal: String?
    var verdict: Verdict
    var note: String?
    var runs: Int?
}

/// Collects figures as they are measured and prints the table and the `BENCH_JSON ` line.
final class Report {
    private(set) var figures: [Figure] = []
    let machine: [String: String]
    let settings: [String: String]

    init(settings: [String: String]) {
        self.settings = settings
        machine = Self.describeMachine()
    }

    func add(_ figure: Figure) {
        figures.append(figure)
        let shown = figure.value.map { Self.format($0, figure.unit) } ?? "-"
        Progress.say("  \(figure.id): \(shown) [\(figure.verdict.rawValue)]\(figure.note.map { " \($0)" } ?? "")")
    }

    func table() -> String {
        let header = ["figure", "opsdeck (median / min)", "baseline (median / min)", "ratio", "goal", "verdict"]
        var rows: [[String]] = [header]
        for f in figures {
            let value = f.value.map { v in Self.format(v, f.unit) + (f.min.map { " / " + Self.format($0, f.unit) } ?? "") } ?? "-"
            var baseline = "-"
            if let b = f.baseline {
                baseline = Self.format(b, f.unit) + (f.baselineMin.map { " / " + Self.format($0, f.unit) } ?? "")
                if let label = f.baselineLabel { baseline += " (\(label))" }
            } else if let label = f.baselineLabel {
                baseline = label
            }
            let ratio = f.ratio.map { String(format: "%.2fx", $0) } ?? "-"
            rows.append([f.title, value, baseline, ratio, f.goal ?? "-", f.verdict.rawValue.uppercased()])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            lines.append(
                "| "
                    + row.indices.map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    .joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|") }
        }
        let notes = figures.compactMap { f in f.note.map { "- \(f.title): \($0)" } }
        return lines.joined(separator: "\n") + (notes.isEmpty ? "" : "\n\nNotes:\n" + notes.joined(separator: "\n"))
    }

    func jsonLine() -> String {
        struct Document: Encodable {
            let machine: [String: String]
            let settings: [String: String]
            let figures: [Figure]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? encoder.encode(Document(machine: machine, settings: settings, figures: figures))) ?? Data("{}".utf8)
        return "BENCH_JSON " + String(decoding: data, as: UTF8.self)
    }

    static func format(_ value: Double, _ unit: String) -> String {
        switch unit {
        case "s":
            if value < 1e-3 { return String(format: "%.1f µs", value * 1e6) }
            if value < 1 { return String(format: "%.2f ms", value * 1e3) }
            return String(format: "%.2f s", value)
        case "%": return String(format: "%.2f%%", value)
        case "MB": return String(format: "%.1f MB", value)
        case "cmd/s": return String(format: "%.1f cmd/s", value)
        case "count": return String(format: "%.0f", value)
        default: return String(format: "%.3g %@", value, unit)
        }
    }

    private static func describeMachine() -> [String: String] {
        var machine: [String: String] = [:]
        machine["nproc"] = String(ProcessInfo.processInfo.activeProcessorCount)
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            machine["cpu"] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if let load = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) {
            machine["loadavg_at_start"] = load.split(separator: " ").prefix(3).joined(separator: " ")
        }
        machine["os"] = ProcessInfo.processInfo.operatingSystemVersionString
        return machine
    }
}

/// Progress lines go to stderr so stdout holds only the table and the JSON line.
enum Progress {
    static func say(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
