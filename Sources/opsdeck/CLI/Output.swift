import Foundation

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

    /// Prints rows as columns aligned by display width; the last column is not padded.
    /// Control characters in cells are made visible so data cannot drive the terminal.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        let all = [header] + rows.map { $0.map(visible) }
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

    /// Writes a message to stderr.
    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data(("opsdeck: " + message + "\n").utf8))
    }

    /// Replaces control characters (including ESC) with visible placeholders.
    static func visible(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "↵"
            case 0x09: result += "→"
            case 0x1B: result += "␛"
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result += "␡"
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: result += "�"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Terminal columns a string takes: 2 for East Asian wide and emoji, 0 for combining marks.
    static func displayWidth(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            if scalar.properties.generalCategory == .nonspacingMark { return total }
            if scalar.properties.isEmojiPresentation { return total + 2 }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                return total + 2
            default:
                return total + 1
            }
        }
    }
}
