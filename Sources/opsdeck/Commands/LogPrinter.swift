import Foundation
import Operations

/// Prints log entries for `logs tail`: aligned columns for people (control characters made
/// visible), a JSON array, or with --follow JSON lines. Writes straight to stdout's file handle
/// so every batch is out before the next poll, even into a pipe. Main thread only.
struct LogPrinter {
    let json: Bool
    let follow: Bool
    private var sourceWidth = 0

    init(json: Bool, follow: Bool) {
        self.json = json
        self.follow = follow
    }

    private static let lossPrefix = "--- entries may have been lost: "

    mutating func print(_ entries: [LogEntry], losses: [LogLoss], sourcesIn lists: [LogList]) {
        if json {
            printJSON(entries, losses: losses)
            return
        }
        sourceWidth = max(sourceWidth, lists.map { Output.displayWidth(Output.visible($0.source)) }.max() ?? 0)
        var text = ""
        for loss in losses { text += Self.lossPrefix + Output.visible(loss.summary) + " ---\n" }
        for entry in entries { text += line(entry) + "\n" }
        write(text)
    }

    private func line(_ entry: LogEntry) -> String {
        let time = entry.timestamp.map { AsctimeTimestamp.format($0) } ?? "(no time)"
        let severity = entry.severity.rawValue.uppercased()
        let source = Output.visible(entry.source)
        let pad = String(repeating: " ", count: max(0, sourceWidth - Output.displayWidth(source)))
        return "\(time.padding(toLength: 24, withPad: " ", startingAt: 0))  "
            + "\(severity.padding(toLength: 8, withPad: " ", startingAt: 0))  \(source)\(pad)  \(Output.visible(entry.message))"
    }

    private struct Event: Encodable {
        let kind: String
        let entry: LogEntry?
        let loss: LogLoss?

        func encode(to encoder: any Encoder) throws {
            try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
                switch jsonKey {
                case .kind: kind
                case .entry: entry
                case .loss: loss
                }
            }
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case kind, entry, loss }
    }

    private func printJSON(_ entries: [LogEntry], losses: [LogLoss]) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        if !follow {
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
            write(String(decoding: data, as: UTF8.self) + "\n")
            return
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let events =
            losses.map { Event(kind: "loss", entry: nil, loss: $0) }
            + entries.map { Event(kind: "entry", entry: $0, loss: nil) }
        var text = ""
        for event in events {
            guard let data = try? encoder.encode(event) else { continue }
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        write(text)
    }

    private func write(_ text: String) {
        if text.isEmpty { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
