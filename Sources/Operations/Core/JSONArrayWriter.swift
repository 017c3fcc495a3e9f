import Foundation

/// Writes a JSON array element by element, so a big listing (`toggles list --json` over 100,000
/// toggles) never holds the whole array or its encoding in memory (issue 17). The bytes are the
/// ones `JSONEncoder` with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]` gives for the
/// whole array: each element encoded alone, indented by two spaces, joined with `,`.
///
/// A class owned by one command on one thread. `sink` receives the bytes whenever `flush` is
/// called (after each page) and at `finish`; what it throws (a closed pipe) ends the listing.
public final class JSONArrayWriter<Element: Encodable> {
    private let encoder: JSONEncoder
    private let sink: (Data) throws -> Void
    private var pending = Data()
    private var count = 0
    /// Elements written so far.
    public var written: Int { count }

    public init(sink: @escaping (Data) throws -> Void) {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        self.sink = sink
    }

    /// Encodes one element into the pending bytes.
    public func append(_ element: Element) throws {
        let data = try encoder.encode(element)
        pending.append(contentsOf: Array((count == 0 ? "[\n" : ",\n").utf8))
        // Indent every line of the element by two spaces, as the whole array's encoding does
        // (an empty line, inside an empty array, stays empty).
        var lineStart = true
        for byte in data {
            if lineStart && byte != 0x0A { pending.append(contentsOf: [0x20, 0x20]) }
            pending.append(byte)
            lineStart = byte == 0x0A
        }
        count += 1
    }

    /// Hands the pending bytes to the sink.
    public func flush() throws {
        guard !pending.isEmpty else { return }
        let out = pending
        pending = Data()
        try sink(out)
    }

    /// Closes the array (an empty one as `JSONEncoder` writes it) with a final newline.
    public func finish() throws {
        if count == 0 {
            pending.append(try encoder.encode([Element]()))
        } else {
            pending.append(contentsOf: Array("\n]".utf8))
        }
        pending.append(0x0A)
        try flush()
    }
}
