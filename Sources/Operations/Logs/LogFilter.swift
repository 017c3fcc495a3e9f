import Foundation

/// Which log entries to show: a minimum severity, one source, and text to look for.
/// Severity and source are decided per list (so unwanted lists are never read); the text is
/// matched case-insensitively against the whole stored line. A `Sendable` value.
public struct LogFilter: Sendable, Hashable {
    public var minimumSeverity: Severity?
    public var source: String?
    public var text: String?

    public init(minimumSeverity: Severity? = nil, source: String? = nil, text: String? = nil) {
        self.minimumSeverity = minimumSeverity
        self.source = source
        self.text = text.flatMap { $0.isEmpty ? nil : $0 }
    }

    public func includes(_ list: LogList) -> Bool {
        if let minimumSeverity, list.severity < minimumSeverity { return false }
        if let source, list.source != source { return false }
        return true
    }

    public func includes(_ entry: LogEntry) -> Bool {
        if let minimumSeverity, entry.severity < minimumSeverity { return false }
        if let source, entry.source != source { return false }
        if let text, entry.raw.range(of: text, options: .caseInsensitive) == nil { return false }
        return true
    }
}
