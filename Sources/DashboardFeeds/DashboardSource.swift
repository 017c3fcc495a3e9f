import Dashboard
import Foundation
import Operations
import RedisClient

/// What the dashboard's poller fetches each interval: one feed per pane (and the server line),
/// run in order into one snapshot, each feed writing its pane's own part (handed over pane by
/// pane on a poll that reads everything). It knows no pane's rules: `feeds` lists them.
///
/// When the kinds of data live in different databases the dashboard has one poller per
/// database, each with a source that runs only its `kinds`' feeds and stamps its snapshots with
/// their panes, so the UI can tell which panes are fresh (docs/DECISIONS.md, "Split databases").
/// The server line runs where the errors are: the search module it names is theirs.
///
/// Owned by the `Poller` and used only on its queue, so its feeds keep their state without
/// locks. Adding a pane adds its feed here: one line in `feeds`.
public struct DashboardSource: PollSource {
    /// Share of one core each periodic expensive step (key discovery, the error overview, a
    /// filtered session listing) may take on average; what exceeds it runs less often.
    public static let idleBudget = 0.001

    public var server: ServerFeed
    /// Every pane's feed, in the order a poll runs them; `source[TogglesFeed.self]` reaches one.
    public var feeds: [any PaneFeed]
    /// Shared with the effects that run on the same queue (searches, the toggle detail).
    public let searchModule: SearchModuleDetector
    private let permissions = PermissionLedger<DataPart>()
    private var lastDenied: [DataPart: String] = [:]
    /// The status bar's command rate, a trailing average (`CommandRateWindow`).
    private var commandRates = CommandRateWindow()
    /// The dashboard's clock (the deterministic demo starts it at a fixed instant): windows and
    /// ages of the data are measured against it, like the screen's.
    private let clock: @Sendable () -> Date
    /// With invalidations flowing, the reads they cover still run this often, in case one was
    /// missed: the slow safety net.
    private var safetyNet = IdleBudget(share: 1, minimumPeriod: 60)
    private var lastUpdates: UpdateMode?

    /// The kinds of data this source's database holds (every kind when not split).
    public let kinds: Set<DataKind>

    public init(
        patterns: KeyPatterns, server: ServerInfo, timeZone: TimeZone = .current,
        searchModule: SearchModuleDetector = SearchModuleDetector(), clock: @escaping @Sendable () -> Date = { Date() },
        kinds: Set<DataKind> = Set(DataKind.allCases)
    ) {
        self.kinds = kinds
        self.clock = clock
        self.server = ServerFeed(server: server)
        feeds = Self.feeds(patterns: patterns, timeZone: timeZone, kinds: kinds, endpoint: server.endpoint)
        self.patterns = patterns
        self.searchModule = searchModule
    }

    public let patterns: KeyPatterns

    /// The panes' feeds, in the order a poll runs them: the toggles first (what people act
    /// on), the logs last (their part ends the poll, see `run`).
    static func feeds(patterns: KeyPatterns, timeZone: TimeZone, kinds: Set<DataKind>, endpoint: String) -> [any PaneFeed] {
        let database = kinds.count < DataKind.allCases.count ? kinds.sorted().map(\.rawValue).joined(separator: ", ") : ""
        return [
            TogglesFeed(pattern: patterns.toggles),
            SessionsFeed(patterns: patterns),
            ErrorsFeed(prefix: patterns.errorPrefix),
            ServerPaneFeed(database: database, endpoint: endpoint),
            LogsFeed(pattern: patterns.logs, timeZone: timeZone),
        ]
    }

    /// The feed of type `F` (every source has one of each, whatever its `kinds`).
    public subscript<F: PaneFeed>(_ type: F.Type) -> F {
        get { feeds[index(of: F.self)] as! F }
        set { feeds[index(of: F.self)] = newValue }
    }

    private func index<F: PaneFeed>(of type: F.Type) -> Int {
        guard let index = feeds.firstIndex(where: { $0 is F }) else { preconditionFailure("no \(F.self) in the source") }
        return index
    }

    /// Whether this source's database feeds `feed` (a feed without a kind reads every database).
    private func reads(_ feed: any PaneFeed) -> Bool { feed.kind.map(kinds.contains) ?? true }

    /// One poll, in one snapshot.
    public mutating func poll(_ poll: PollContext) throws(RedisError) -> DashboardSnapshot {
        try run(poll, handsOverParts: false, early: { _ in })
    }

    /// One poll. On a poll that reads everything (the first, `r`, the first after an outage)
    /// each pane's part is handed to `early` as soon as its feed is done: on a large keyspace the
    /// log-list discovery and the error overview take a second or more, and the toggles must
    /// not wait for them. Routine polls hand over one snapshot (one redraw per poll).
    public mutating func poll(_ poll: PollContext, early: (DashboardSnapshot) -> Void) throws(RedisError) -> DashboardSnapshot {
        try run(poll, handsOverParts: poll.request == .everything, early: early)
    }

    private mutating func run(
        _ poll: PollContext, handsOverParts: Bool,
        early: (DashboardSnapshot) -> Void
    ) throws(RedisError) -> DashboardSnapshot {
        var live = poll.updates.isLive
        if live && poll.request == .routine && safetyNet.isDue() {
            live = false
            safetyNet.record(at: Date(), took: 0)
        }
        let split = kinds.count < DataKind.allCases.count
        // Counted here to know whether this poll touched the server at all (see below).
        let sender = CountingSender(poll.redis)
        let context = FeedContext(
            env: OpsEnvironment(redis: sender, patterns: patterns, readOnly: true, now: clock),
            request: poll.request, permissions: permissions, searchModule: searchModule, live: live,
            safetyNet: poll.updates.isLive && !live)
        var blank = DashboardSnapshot()
        if split { blank.panes = Set(kinds.map(Self.pane)) }
        var snapshot = blank
        func handOver(_ pane: Pane) {
            guard handsOverParts, snapshot != blank else { return }
            snapshot.covers = [pane]
            early(snapshot)
            snapshot = blank
        }
        do {
            if !split || kinds.contains(.errors) { try server.poll(context, into: &snapshot) }
            // Each feed's part goes early, but the last feed's: it rides with the poll's end.
            for index in feeds.indices where reads(feeds[index]) {
                try feeds[index].poll(context, into: &snapshot)
                if index < feeds.count - 1 { handOver(feeds[index].pane) }
            }
        } catch {
            if case .redis(let redisError) = error { throw redisError }
            throw .unexpectedReply(command: "poll", detail: error.description)
        }
        // A poll may have nothing to read (a database holding only sessions, whose walks run on
        // budgets; any routine poll while the server's invalidations say nothing changed): one
        // PING then, so a server that went away or froze is noticed within an interval, as
        // STALE promises. Without it a frozen server looked current until the safety net's
        // read hung (issue 29, bug 9). Only the connection's fate counts.
        if sender.commandsSent == 0 { _ = try poll.redis.execute("PING") }
        // The server line's poller speaks for the deployment: its shape and what happened to it.
        if !split || kinds.contains(.errors) {
            snapshot.topology = poll.shape ?? ""
            snapshot.deploymentEvents = poll.events
        }
        let denied = permissions.denied
        if denied != lastDenied { snapshot.notPermitted = denied }
        lastDenied = denied
        snapshot.commandsPerSecond = commandRate(poll.commandsSent)
        if poll.updates != lastUpdates { snapshot.updateMode = poll.updates.label }
        lastUpdates = poll.updates
        return snapshot
    }

    /// Hands the changed keys to every feed; true when one has something to read now.
    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool {
        var any = false
        for index in feeds.indices where reads(feeds[index]) {
            if feeds[index].invalidated(keys) { any = true }
        }
        return any
    }

    /// The pane that shows `kind`.
    public static func pane(_ kind: DataKind) -> Pane {
        switch kind {
        case .toggles: return .toggles
        case .sessions: return .sessions
        case .errors: return .errors
        case .logs: return .logs
        }
    }

    /// Prefixes worth broadcast tracking for these patterns: the logs' (new lists appear at
    /// once), the error hashes' (2.x and no module keep them under it), the toggles' when their
    /// pattern has one. Never the sessions' by choice: a busy session store would flood the
    /// dashboard. Redis refuses overlapping prefixes, so a prefix inside another is dropped.
    /// A toggles pattern with no literal prefix (`*`) needs every key: the empty prefix alone
    /// (it covers the others), with the channel dropping `droppedPrefixes` as bytes.
    /// `kinds`: the kinds the tracked database holds (a split database tracks only its own).
    public static func trackedPrefixes(_ patterns: KeyPatterns, kinds: Set<DataKind> = Set(DataKind.allCases)) -> [String] {
        if kinds.contains(.toggles), KeyPatterns.literalPrefix(of: patterns.toggles).isEmpty { return [""] }
        let candidates = [
            kinds.contains(.logs) ? KeyPatterns.literalPrefix(of: patterns.logs) : "",
            kinds.contains(.errors) ? patterns.errorPrefix : "",
            kinds.contains(.toggles) ? KeyPatterns.literalPrefix(of: patterns.toggles) : "",
        ].filter { !$0.isEmpty }
        var kept: [String] = []
        for prefix in candidates.sorted(by: { $0.count < $1.count })
        where !kept.contains(where: { prefix.hasPrefix($0) || $0.hasPrefix(prefix) }) {
            kept.append(prefix)
        }
        return kept
    }

    /// Prefixes whose keys the invalidation channel drops before making anything per key, when
    /// it tracks every key (`trackedPrefixes` is the empty prefix): the sessions' (a busy store
    /// writes thousands a second, and no feed acts on them), unless a tracked kind lives under it.
    public static func droppedPrefixes(_ patterns: KeyPatterns, kinds: Set<DataKind> = Set(DataKind.allCases)) -> [String] {
        guard trackedPrefixes(patterns, kinds: kinds) == [""] else { return [] }
        let sessions = patterns.sessions
        let prefix = KeyPatterns.literalPrefix(of: sessions)
        // Only a plain `prefix*`: a glob with more after the prefix does not cover every key under it.
        guard !prefix.isEmpty, sessions == prefix + "*", patterns.toggles != sessions else { return [] }
        let wanted = [
            kinds.contains(.logs) ? KeyPatterns.literalPrefix(of: patterns.logs) : "",
            kinds.contains(.errors) ? patterns.errorPrefix : "",
        ]
        // A logs or errors prefix that is empty or under the sessions' would lose its keys.
        if wanted.contains(where: { !$0.isEmpty && $0.hasPrefix(prefix) }) { return [] }
        return [prefix]
    }

    /// Commands per second opsdeck sent, averaged over the trailing 30 s on the dashboard's clock.
    private mutating func commandRate(_ sent: Int) -> Double? { commandRates.rate(sent: sent, at: clock()) }
}
