import Foundation

/// Errors that share an `ErrorSignature`, within a window: how many, first and last seen, a
/// count per bucket (for a sparkline), the newest occurrence as a sample and the newest members.
/// An immutable value made by `ErrorGroups.build`; `Sendable`.
public struct ErrorGroup: Sendable, Hashable {
    public var signature: ErrorSignature
    /// The informative part of the newest member's exception.
    public var summary: ExceptionSummary
    public var count: Int
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// Counts per bucket, oldest first, over the window (`ErrorGroups.series`).
    public var series: [Int]
    /// The newest members, newest first, at most `ErrorGroups.memberLimit`; `count` counts all.
    public var members: [ErrorRecord]

    public var sample: ErrorRecord? { members.first }
    public var toggle: String { signature.toggle }
}
