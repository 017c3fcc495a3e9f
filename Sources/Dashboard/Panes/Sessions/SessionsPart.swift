import Foundation

/// The Sessions pane's part of a poll (`SessionsFeed` makes it): the listed sessions when they
/// changed, and the count of all that match. Applied to `AppState.sessions` on the main queue.
public struct SessionsPart: PanePart {
    public static var pane: Pane { .sessions }

    /// A full replacement; nil when unchanged.
    public var rows: [SessionRow]?
    /// All sessions matching the pattern, when the poller fetched only a page of them: partial
    /// (and labelled so) while the walk that counts them is under way.
    public var count: KeyCount?

    public init() {}

    public init(rows: [SessionRow]?, count: KeyCount? = nil) {
        self.rows = rows
        self.count = count
    }

    /// The same count again (the walk goes on, nothing new): nothing shown changes.
    public func changesNothingShown(in state: AppState) -> Bool {
        rows == nil && (count == nil || count == state.sessions.count)
    }

    public func apply(to state: inout AppState, at: Date) -> PartOutcome {
        if let rows {
            state.sessions.replace(rows, count: count, readAt: at)
        } else if let count {
            // The count moves on while the rows stay (a walk under way): a partial count must
            // not stay on screen once it is complete.
            state.sessions.count = count
        }
        return PartOutcome()
    }
}
