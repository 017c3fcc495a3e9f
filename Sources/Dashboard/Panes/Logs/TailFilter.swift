import Foundation

/// The Logs pane filter typed after `/`: `source:NAME` words pick sources (several are OR-ed),
/// the rest is text to find in the message (case-insensitive). Plus a minimum severity. A plain
/// value.
public struct TailFilter: Hashable, Sendable {
    public var sources: [String]
    public var text: String
    public var minLevel: LogLevel

    public init(parsing input: String, minLevel: LogLevel = .debug) {
        var sources: [String] = []
        var words: [String] = []
        for word in input.split(separator: " ") {
            if word.lowercased().hasPrefix("source:") {
                let name = word.dropFirst("source:".count)
                if !name.isEmpty { sources.append(String(name).lowercased()) }
            } else {
                words.append(String(word))
            }
        }
        self.sources = sources
        self.text = words.joined(separator: " ")
        self.minLevel = minLevel
    }

    public var isEmpty: Bool { sources.isEmpty && text.isEmpty && minLevel <= .debug }

    /// Loss markers always pass: hiding them would hide that the tail has a gap.
    public func matches(_ entry: TailEntry) -> Bool {
        guard case .line(let line) = entry else { return true }
        return matches(line)
    }

    public func matches(_ line: LogLine) -> Bool {
        if line.severity != .unknown && line.severity < minLevel { return false }
        if !sources.isEmpty && !sources.contains(line.source.lowercased()) { return false }
        if !text.isEmpty && line.message.range(of: text, options: .caseInsensitive) == nil { return false }
        return true
    }
}
