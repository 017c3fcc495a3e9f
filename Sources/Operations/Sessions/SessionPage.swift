/// One page of a session listing: the sessions of one SCAN step that passed the filter, and the
/// cursor to continue from. A page may hold fewer sessions than asked (or none) while
/// `isComplete` is false: SCAN's COUNT is a hint, and the filter drops some. A `Sendable` value.
public struct SessionPage: Sendable, Hashable {
    public let sessions: [Session]
    /// Pass to the next `page` call; "0" once complete.
    public let cursor: String
    public let isComplete: Bool
    /// Keys the SCAN step returned, before the filter: a walk's progress.
    public let scanned: Int

    public init(sessions: [Session], cursor: String, isComplete: Bool, scanned: Int = 0) {
        self.sessions = sessions
        self.scanned = scanned
        self.cursor = cursor
        self.isComplete = isComplete
    }
}
