import Foundation

/// A session read on demand for the detail view, with every toggle evaluated for it.
/// `fetchedAt` anchors the live TTL countdown. A plain value.
public struct SessionDetail: Hashable, Sendable {
    public var session: SessionRow
    public var fetchedAt: Date
    public var decisions: [DecisionRow]

    public init(session: SessionRow, fetchedAt: Date, decisions: [DecisionRow]) {
        self.session = session
        self.fetchedAt = fetchedAt
        self.decisions = decisions
    }
}
