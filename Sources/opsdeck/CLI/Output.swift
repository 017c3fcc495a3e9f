import Dashboard
import Foundation
import Operations

/// Printing for subcommands: aligned tables for people, stable JSON for pipelines,
/// and errors on stderr. Main thread only.
enum Output {
    /// Encodes `value` as JSON with sorted keys (stable for diffs and `jq`), one document per call.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        // write(contentsOf:) throws on a closed pipe (`| head`); write(_:) would trap, since
        // SIGPIPE is ignored process-wide and the write fails with EPIPE.
        try FileHandle.standardOutput.write(contentsOf: data + Data("\n".utf8))
    }

    /// Streams a JSON array to stdout (`JSONArrayWriter`): `body` appends elements and flushes
    /// after each page; the bytes equal `json` of the whole array.
    static func jsonArray<T: Encodable>(of _: T.Type, _ body: (JSONArrayWriter<T>) throws -> Void) throws {
        let writer = JSONArrayWriter<T> { data in try FileHandle.standardOutput.write(contentsOf: data) }
        try body(writer)
        try writer.finish()
    }

    /// Widest cell of a plain table, in columns: one 10 MB value must not pad every row to
    /// 10 MB. Longer values end in `…`; `--json` keeps them whole.
    static let maxCellWidth = 120
    /// Widest line of free text printed for people (a log line, a message from Redis).
    static let maxLineWidth = 4096

    /// Prints rows as columns aligned by display width; the last column is not padded.
    /// Control characters in cells are made visible so data cannot drive the terminal, and each
    /// cell is cut to `maxCellWidth` columns.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        let all = [header] + rows.map { $0.map { SafeText.line($0, width: maxCellWidth) } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        for row in all {
            var line = ""
            for (index, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[index] - displayWidth(cell)))
                let isLast = index == row.count - 1
                line += rightAligned.contains(index) ? pad + cell : (isLast ? cell : cell + pad)
                if !isLast { line += "  " }
            }
            print(line)
        }
    }

    /// Writes a message to stderr, every line of it sanitised: messages quote values read from
    /// Redis and the user's own input, and neither may drive the terminal.
    static func error(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }
        try? FileHandle.standardError.write(contentsOf: Data(("opsdeck: " + lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Replaces control characters (including ESC) with visible placeholders — the same
    /// sanitizer the dashboard uses, so data from Redis can never drive the terminal — and cuts
    /// the text at `maxLineWidth` columns.
    static func visible(_ text: String) -> String {
        SafeText.line(text, width: maxLineWidth)
    }

    /// Terminal columns a string takes (wide characters count 2).
    static func displayWidth(_ text: String) -> Int {
        TextWidth.of(text)
    }
}
