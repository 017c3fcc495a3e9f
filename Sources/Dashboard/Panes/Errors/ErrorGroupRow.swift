import Foundation

/// One error group as the Errors pane shows it (errors sharing a signature within the time
/// window): count, first and last seen, a count series for the sparkline, the toggle, the
/// informative part of the exception, and the newest members (Enter lists them). A plain value,
/// built by the feed from the data layer's `ErrorGroup`.
public struct ErrorGroupRow: Hashable, Sendable {
    /// The signature as one line: stable across polls, so the selection follows the group.
    public var id: String
    public var toggleName: String
    /// Class and message (`ArrayIndexOutOfBoundsException: Index 5 out of bounds`).
    public var exception: String
    /// The first application frame (`Cart.java:88`), or empty.
    public var frame: String
    public var count: Int
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// Counts per bucket over the window, oldest first.
    public var series: [Int]
    /// The newest members, newest first (bounded; `count` counts all).
    public var members: [ErrorRow]
    /// Not every record of this toggle in the window was read (the body budget), so `count` is
    /// a lower bound: shown `≥ N` (issue 23). The toggle's own total stays exact.
    public var partial = false

    public init(
        id: String, toggleName: String, exception: String, frame: String = "", count: Int,
        firstSeen: Date?, lastSeen: Date?, series: [Int], members: [ErrorRow]
    ) {
        self.id = id
        self.toggleName = toggleName
        self.exception = exception
        self.frame = frame
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.series = series
        self.members = members
    }
}
