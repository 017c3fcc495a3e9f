import Dashboard
import Foundation
import Operations
import RedisClient

/// The dashboard's pollers: one per distinct endpoint (kinds of data that share one share its
/// connection), each running the feeds of the kinds its database holds, with an invalidation
/// channel of its own. With one database there is one poller for every kind, as before.
/// Why one poller per database, not one poller with several connections: a database that is
/// down or stalled then delays only its own panes (docs/DECISIONS.md, "Split databases").
///
/// Ownership and threading: made and started on the main queue; each poller owns its
/// connection and source on its own queue. `perform` runs work on the queue of the first
/// poller it needs and borrows the others' connections in the pollers' fixed order (see
/// `Poller.borrow`), so work that needs two databases (a flip's blast radius) holds both
/// without racing a poll, and two such pieces of work never wait on each other.
public final class DashboardPollers: Sendable {
    struct Member: Sendable {
        let kinds: Set<DataKind>
        let poller: Poller<DashboardSource>
        let channel: InvalidationChannel?
        let searchModule: SearchModuleDetector
    }

    let members: [Member]

    /// - Parameters:
    ///   - groups: each distinct endpoint with its kinds (`KindEndpoints.groups`).
    ///   - observations: what to do with a toggle change no opsdeck flip explains (record it,
    ///     or keep it in memory in `--read-only`).
    ///   - deliver: a poll's result with the panes it is about (nil: every pane).
    ///   - clientName: the pollers' connection name (`ClientName.dashboard`), which other
    ///     dashboards list; the invalidation channels get another, so they are not listed.
    public init(
        groups: [(kinds: [DataKind], options: RedisConnectionOptions)], clientName: String, patterns: KeyPatterns, server: ServerInfo,
        timeZone: TimeZone, interval: Double, pollOnly: Bool, clock: @escaping @Sendable () -> Date,
        observations: ObservationPolicy = .memoryOnly,
        deliver: @escaping @Sendable (PollEvent<DashboardSnapshot>, Set<Pane>?) -> Void
    ) {
        let split = groups.count > 1
        members = groups.map { group in
            let kinds = Set(group.kinds)
            let searchModule = SearchModuleDetector()
            var source = DashboardSource(
                patterns: patterns, server: server, timeZone: timeZone, searchModule: searchModule,
                clock: clock, kinds: split ? kinds : Set(DataKind.allCases))
            source[TogglesFeed.self].observations = observations
            source[TogglesFeed.self].sweep.pollInterval = interval
            let panes: Set<Pane>? = split ? Set(kinds.map(DashboardSource.pane)) : nil
            var named = group.options
            named.clientName = clientName
            let poller = Poller(connection: named, source: source, interval: interval) { event in deliver(event, panes) }
            let prefixes = DashboardSource.trackedPrefixes(patterns, kinds: kinds)
            let channel =
                pollOnly
                ? nil
                : InvalidationChannel(
                    options: group.options, prefixes: prefixes,
                    dropping: DashboardSource.droppedPrefixes(patterns, kinds: kinds),
                    ready: { id in poller.enableTracking(redirect: id) },
                    changed: { keys in poller.invalidated(keys) },
                    lost: { error in poller.trackingLost(error) })
            return Member(kinds: kinds, poller: poller, channel: channel, searchModule: searchModule)
        }
    }

    /// Renames the pollers' connections (`CLIENT SETNAME`): other dashboards see what this one
    /// is doing (a flip dialog open). A courtesy: a refusal (ACL) is ignored. A reconnect goes
    /// back to the name the connection was made with.
    public func announce(_ name: String) {
        for member in members {
            member.poller.perform { sender in _ = try? sender.execute("CLIENT", "SETNAME", name) }
        }
    }

    /// The poller reading `kind`.
    public func poller(for kind: DataKind) -> Poller<DashboardSource> {
        (members.first { $0.kinds.contains(kind) } ?? members[0]).poller
    }

    /// The search module detected on the errors' database (searches and the toggle detail use it).
    public var searchModule: SearchModuleDetector {
        (members.first { $0.kinds.contains(.errors) } ?? members[0]).searchModule
    }

    public func start() {
        for member in members {
            member.poller.start()
            member.channel?.start()
        }
    }

    public func stop() {
        for member in members {
            member.channel?.stop()
            member.poller.stop()
        }
    }

    /// Stops every poller without waiting for the polls in flight (quitting; see `Poller.abandon`).
    public func abandon() {
        for member in members {
            member.channel?.stop()
            member.poller.abandon()
        }
    }

    /// Every database read again now (the user's `r`, a changed window or filter).
    public func refreshNow(userAsked: Bool = false) {
        for member in members { member.poller.refreshNow(userAsked: userAsked) }
    }

    /// Runs `work` holding the connections of `kinds` (between their polls): `redis` is the
    /// toggles' sender, `senders` each kind's (empty with one database; kinds not asked for
    /// fail every command, see `UnheldSender`).
    public func perform(
        _ kinds: Set<DataKind>,
        _ work: @escaping @Sendable (_ redis: any RedisCommandSender, _ senders: [DataKind: any RedisCommandSender]) -> Void
    ) {
        if members.count == 1 {
            members[0].poller.perform { sender in work(sender, [:]) }
            return
        }
        let needed = members.indices.filter { !members[$0].kinds.isDisjoint(with: kinds) }
        guard let first = needed.first else { return }
        members[first].poller.perform { [self] sender in
            var held: [DataKind: any RedisCommandSender] = [:]
            for kind in members[first].kinds { held[kind] = sender }
            borrow(Array(needed.dropFirst()), held, work)
        }
    }

    /// Holds the connections of `rest` one inside the other, in order, then runs `work`.
    private func borrow(
        _ rest: [Int], _ held: [DataKind: any RedisCommandSender],
        _ work: (any RedisCommandSender, [DataKind: any RedisCommandSender]) -> Void
    ) {
        guard let next = rest.first else {
            var all = held
            for kind in DataKind.allCases where all[kind] == nil { all[kind] = UnheldSender(kind: kind.rawValue) }
            work(all[.toggles]!, all)
            return
        }
        members[next].poller.borrow { sender in
            var more = held
            for kind in members[next].kinds { more[kind] = sender }
            borrow(Array(rest.dropFirst()), more, work)
        }
    }
}
