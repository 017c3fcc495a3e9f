import Dashboard
import Foundation
import Operations
import RedisClient

/// What the dashboard's poller fetches each interval: one feed per pane (and the server line),
/// run in order into one snapshot.
///
/// Owned by the `Poller` and used only on its queue, so its feeds keep their state without
/// locks. Adding a pane adds its feed here: a property and a line in `poll`.
public struct DashboardSource: PollSource {
    /// Share of one core each periodic expensive step (key discovery, the error overview, a
    /// filtered session listing) may take on average; what exceeds it runs less often.
    public static let idleBudget = 0.001

    public var server: ServerFeed
    public var toggles = TogglesFeed()
    public var sessions: SessionsFeed
    public var errors = ErrorsFeed()
    public var logs: LogsFeed
    /// Shared with the effects that run on the same queue (searches, the toggle detail).
    public let searchModule: SearchModuleDetector
    private let permissions = PermissionLedger<DataPart>()
    private var lastDenied: [DataPart: String] = [:]
    private var lastCommandCount: (count: Int, at: Date)?

    public init(patterns: KeyPatterns, server: ServerInfo, timeZone: TimeZone = .current,
                searchModule: SearchModuleDetector = SearchModuleDetector()) {
        self.server = ServerFeed(server: server)
        sessions = SessionsFeed(patterns: patterns)
        logs = LogsFeed(timeZone: timeZone)
        self.patterns = patterns
        self.searchModule = searchModule
    }

    public let patterns: KeyPatterns

    public mutating func poll(_ poll: PollContext) throws(RedisError) -> DashboardSnapshot {
        let context = FeedContext(env: OpsEnvironment(redis: poll.redis, patterns: patterns, readOnly: true),
                                  request: poll.request, permissions: permissions, searchModule: searchModule)
        var snapshot = DashboardSnapshot()
        do {
            try server.poll(context, into: &snapshot)
            try errors.poll(context, into: &snapshot)
            try toggles.poll(context, into: &snapshot)
            try sessions.poll(context, into: &snapshot)
            try logs.poll(context, into: &snapshot)
        } catch {
            if case .redis(let redisError) = error { throw redisError }
            throw .unexpectedReply(command: "poll", detail: error.description)
        }
        let denied = permissions.denied
        if denied != lastDenied { snapshot.notPermitted = denied }
        lastDenied = denied
        snapshot.commandsPerSecond = commandRate(poll.commandsSent)
        return snapshot
    }

    private mutating func commandRate(_ sent: Int) -> Double? {
        let now = Date()
        defer { lastCommandCount = (sent, now) }
        guard let last = lastCommandCount else { return nil }
        let seconds = now.timeIntervalSince(last.at)
        return seconds > 0 ? Double(sent - last.count) / seconds : nil
    }
}
