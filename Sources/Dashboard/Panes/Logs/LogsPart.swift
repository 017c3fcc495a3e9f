import Foundation

/// The Logs pane's part of a poll (`LogsFeed` makes it): only the lines new since the previous
/// poll, and what may have been lost between two polls. Applied to `AppState.logs` on the
/// main queue.
public struct LogsPart: PanePart {
    public static var pane: Pane { .logs }

    /// Oldest first.
    public var newLines: [LogLine] = []
    /// Entries that may have been pushed and trimmed away between two polls (a list grew past
    /// its cap); nil or 0 when nothing was lost.
    public var possiblyLost: Int?
    public var lostIsEstimate = true

    public init() {}

    public init(newLines: [LogLine], possiblyLost: Int? = nil, lostIsEstimate: Bool = true) {
        self.newLines = newLines
        self.possiblyLost = possiblyLost
        self.lostIsEstimate = lostIsEstimate
    }

    /// An error (or worse) arriving marks the tab while the pane is off screen.
    public func apply(to state: inout AppState, at: Date) -> PartOutcome {
        state.logs.append(newLines, lost: possiblyLost, lostIsEstimate: lostIsEstimate)
        return PartOutcome(worthALook: newLines.contains { $0.severity >= .error })
    }
}
