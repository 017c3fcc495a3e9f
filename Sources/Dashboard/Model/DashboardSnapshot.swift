/// What one poll brings. A plain `Sendable` value, made on the poller's queue and handed to the
/// main queue inside `Message.pollSucceeded`.
///
/// Toggles and sessions are full replacements; logs are only the lines that are new since the
/// previous poll; a nil field means "not fetched this poll, keep what you have".
public struct DashboardSnapshot: Hashable, Sendable {
    /// The panes this snapshot's database feeds, when the panes read different databases
    /// (nil: one database feeds them all). Fields of other panes are nil in it.
    public var panes: Set<Pane>?
    /// Set on a part of a poll handed over early (`PollSource.poll(_:early:)`): the panes whose
    /// reads it completes. Only they count as polled; the poll's time, its duration and the
    /// other panes come with its last part (nil here: a whole poll, or its last part).
    public var covers: Set<Pane>?
    public var toggles: [ToggleRow]?
    /// The toggles' discovery walk under way (or just complete); nil when unchanged. `toggles`
    /// holds what it found so far.
    public var togglesDiscovery: DiscoveryProgress?
    public var sessions: [SessionRow]?
    /// All sessions matching the pattern, when the poller fetched only a page of them: partial
    /// (and labelled so) while the walk that counts them is under way.
    public var sessionsCount: KeyCount?
    public var newLogLines: [LogLine]
    /// Entries that may have been pushed and trimmed away between two polls (a list grew past
    /// its cap); nil or 0 when nothing was lost.
    public var logsPossiblyLost: Int?
    public var logsLostIsEstimate: Bool
    public var errorCounts: [ToggleCount]?
    /// The newest errors (a view with an empty query), shown until the user searches.
    public var latestErrors: ErrorSearchView?
    public var server: ServerInfo?
    public var commandsPerSecond: Double?
    /// True when this poll showed the error list to be current: it brought `latestErrors`, or
    /// its probe found the error database unchanged. The Errors pane's age counts from here.
    public var errorsChecked = false
    /// The deployment's shape ("cluster · 3 masters", "sentinel mymaster → host:port"); "" for
    /// one server; nil when this snapshot does not say.
    public var topology: String?
    /// A failover or a topology change since the last poll, said on screen.
    public var deploymentEvents: [String] = []
    /// The active search run again because the error database changed.
    public var refreshedSearch: ErrorSearchView?
    /// The error groups in the time window, biggest first (nil: not read this poll).
    public var errorGroups: [ErrorGroupRow]?
    /// Errors per toggle in the time window (nil: not read this poll).
    public var errorRates: [String: ErrorRate]?
    /// The window held more errors than were read: counts are of the newest.
    public var errorWindowTruncated = false
    /// Parts the server's ACL refuses, with what they need; nil when unchanged since the last poll.
    public var notPermitted: [DataPart: String]?
    /// How changes arrive ("live", "polling (CLIENT not permitted (ACL))"); nil when unchanged.
    public var updateMode: String?

    public init(toggles: [ToggleRow]? = nil, sessions: [SessionRow]? = nil, sessionsCount: KeyCount? = nil,
                newLogLines: [LogLine] = [], logsPossiblyLost: Int? = nil, logsLostIsEstimate: Bool = true,
                errorCounts: [ToggleCount]? = nil, latestErrors: ErrorSearchView? = nil, server: ServerInfo? = nil, commandsPerSecond: Double? = nil,
                errorsChecked: Bool = false, refreshedSearch: ErrorSearchView? = nil,
                notPermitted: [DataPart: String]? = nil) {
        self.toggles = toggles
        self.sessions = sessions
        self.sessionsCount = sessionsCount
        self.newLogLines = newLogLines
        self.logsPossiblyLost = logsPossiblyLost
        self.logsLostIsEstimate = logsLostIsEstimate
        self.errorCounts = errorCounts
        self.latestErrors = latestErrors
        self.server = server
        self.commandsPerSecond = commandsPerSecond
        self.errorsChecked = errorsChecked
        self.refreshedSearch = refreshedSearch
        self.notPermitted = notPermitted
    }
}
