import Foundation
import Dashboard
import Operations
import RedisClient

/// The Toggles pane's feed: discovers toggle keys within the idle budget, re-reads them (all of
/// them, or one slice per poll on a large set, plus any just flipped from here), reads the audit
/// trail only when a value moved, and sends rows only when they changed.
///
/// Discovery is a walk of `discoveryPagesPerPoll` SCAN pages per poll (`ToggleDiscovery`): the
/// toggles each step finds are read and sent at once, with the walk's progress, so a large
/// keyspace shows its first toggles in the first poll instead of after the whole walk. Toggles
/// already shown that the completed walk did not find are dropped then. Owned by
/// `DashboardSource`, on the poller's queue.
public struct TogglesFeed: PaneFeed {
    /// SCAN pages of the discovery walk per poll (COUNT `scanCount` keys each).
    public var discoveryPagesPerPoll = 20
    /// Toggles refreshed per poll between discoveries: a full pass over 10,000 toggles every
    /// second was most of the idle cost on a large keyspace (benchmark 6b).
    public var slice = 500
    /// Toggles to re-read on the next poll whatever slice is due (just flipped from here).
    public var priority: Set<String> = []
    /// The discovery pattern, for keys the server reports that are not known toggles yet.
    public let pattern: String
    /// Known toggle keys the server reported changed.
    private var dirty = Set<RedisKey>()
    /// Unknown keys under the pattern's fixed prefix, reported by broadcast tracking: maybe
    /// new toggles. With a pattern without one (`*`), any unknown key the channel let through
    /// (it drops the sessions' prefix as bytes) that is not remembered as no toggle.
    private var candidates = Set<RedisKey>()
    /// Discovery's rule for keys known not to be toggles (sessions, the error prefix, error
    /// ids), kept from the first candidates read (the patterns come with the poll's environment),
    /// so such a key the channel reports does not even wake a poll.
    private var skipRule: ToggleDiscovery?
    /// Every key may have changed (FLUSHDB): rediscover.
    private var rediscover = false
    private var keys: [RedisKey] = []
    private var toggles: [Toggle] = []
    private var index: [RedisKey: Int] = [:]
    private var sliceStart = 0
    private var discovery = IdleBudget(share: DashboardSource.idleBudget)
    /// The discovery walk under way, when it started and the time its steps took so far.
    private var walk: (discovery: ToggleDiscovery, startedAt: Date, spent: Double)?
    /// The rows last sent and their version: the next part says which places changed since.
    private var lastSent: (rows: [ToggleRow], version: UInt64)?
    private var lastValues: [String: String] = [:]
    private var latestChange: [String: AuditEntry] = [:]
    /// The guard badges on the rows last sent, by toggle key (`TogglesFeed+Guards.swift`).
    var guardsShown: [RedisKey: GuardBadge] = [:]
    /// Changes seen from outside opsdeck: recorded, or kept in memory (`ObservationPolicy`).
    public var observations = ObservationPolicy.memoryOnly
    /// The rolling SCAN for new toggles between discoveries (issue 24, bug 2).
    public var sweep = NewToggleSweep()
    /// The new-toggle freshness to tell the pane (0: within 5 s), when it changed.
    private var freshnessToSend: Double?
    private var freshnessShown: Double?

    /// How many toggles the feed knows now.
    public var knownCount: Int { toggles.count }

    public init(pattern: String = KeyPatterns().toggles) { self.pattern = pattern }

    public mutating func invalidated(_ keys: [RedisKey]?) -> Bool {
        guard let keys else {
            rediscover = true
            return true
        }
        let hasPrefix = !KeyPatterns.literalPrefix(of: pattern).isEmpty
        var any = false
        for key in keys {
            if index[key] != nil {
                dirty.insert(key)
                any = true
            } else if hasPrefix ? KeyPatterns.matches(key, pattern) : isCandidate(key) {
                candidates.insert(key)
                any = true
            }
        }
        return any
    }

    public var kind: DataKind? { .toggles }

    public mutating func poll(_ context: FeedContext, into part: inout TogglesPart) throws(OperationsError) {
        let env = context.env
        let refreshed = try context.permissions.run(.toggles) { () throws(OperationsError) in
            try refresh(context, progress: &part.discovery)
        }
        let (all, moved, discovered) = refreshed ?? (toggles, false, false)
        if let freshness = freshnessToSend {
            part.newToggleFreshness = freshness
            freshnessToSend = nil
        }
        let badges = guardBadges(context)
        // Unchanged toggles cost nothing more: no audit read, no rows rebuilt or compared.
        guard moved || discovered || badges != guardsShown || lastSent == nil else { return }
        // The audit trail only matters when a value moved: read it then, not every second.
        // The newest audit entry is the head of each toggle's own list: read for toggles seen
        // for the first time and those whose value moved, never for all of them every poll.
        let stale = all.filter { lastValues[$0.name] != $0.value.raw }
        if !stale.isEmpty {
            let latest = try context.permissions.run(.audit) { () throws(OperationsError) in
                try AuditStore.latest(env, toggles: stale)
            }
            for (name, entry) in latest ?? [:] { latestChange[name] = entry }
            try observe(context, stale)
            for toggle in stale { lastValues[toggle.name] = toggle.value.raw }
        }
        guardsShown = badges
        let rows = all.map { toggle in
            var row = ToggleRow(toggle, lastChange: latestChange[toggle.name])
            row.guardBadge = badges[toggle.key]
            return row
        }
        // With the places that changed, so the main queue applies those rows only (issue 28, 5b).
        part.send(rows, after: &lastSent)
    }

    /// Toggle keys are rediscovered at most every `max(10 s, duration / 0.1%)`: a SCAN over a
    /// large keyspace (200 ms on 110,000 keys) must not become the idle load. The duration is
    /// the sum of the walk's steps. Between discoveries one slice of `slice` toggles is re-read
    /// per poll, all of them when fewer.
    private mutating func refresh(
        _ context: FeedContext, progress: inout DiscoveryProgress?
    ) throws(OperationsError) -> (toggles: [Toggle], moved: Bool, discovered: Bool) {
        let env = context.env
        if skipRule == nil { skipRule = ToggleDiscovery(patterns: env.patterns) }
        var found: [RedisKey] = []
        if !context.onlyChanges {
            if walk == nil, context.isDue(discovery) || rediscover {
                rediscover = false
                walk = (ToggleDiscovery(patterns: env.patterns), Date(), 0)
                sweep.restart()
            }
            if walk != nil { return try walkStep(context, progress: &progress) }
            // Broadcast tracking reports new keys (under the pattern's prefix, or every key with
            // the empty prefix for `*`); without invalidations the rolling sweep finds them.
            // Not on the safety-net poll either: a cycle spread over polls a minute apart would
            // claim minutes of freshness that broadcast tracking makes moot (the full discovery
            // walk covers a lost message).
            if !context.live && !context.safetyNet {
                found = try sweepStep(context)
            } else if freshnessShown.map({ $0 > 0 }) == true {
                freshnessShown = 0
                freshnessToSend = 0
            }
        }
        defer { priority = [] }
        if context.onlyChanges || context.live {
            // Only what changed: the toggles flipped from here, and those the server reported
            // (with invalidations flowing, nothing else needs re-reading to be noticed).
            let due = try toggles.filter { priority.contains($0.name) }.map(\.key) + dirty + newToggles(context) + found
            dirty = []
            return try updateInPlace(context, due)
        }
        if keys.count <= slice {
            let fetched = try ToggleStore.fetch(env, keys: keys)
            let moved = fetched != toggles
            setToggles(fetched)
            guard !found.isEmpty else { return (fetched, moved, false) }
            var result = try updateInPlace(context, found)
            result.moved = result.moved || moved
            return result
        }
        // Polling only, every toggle's value (one short HGET each, pipelined), so a flip by
        // another client shows within one interval with no invalidations (issue 24); the whole hash of those
        // whose value moved, a slice of whole hashes (the other fields), and the toggles just
        // flipped from this dashboard (their new value must show at once).
        // On the safety-net poll (invalidations flowing) the slice alone: every toggle is
        // re-read within `keys.count / slice` safety-net polls.
        var due = context.safetyNet ? [] : try valueSweep(context.env)
        let end = min(sliceStart + slice, keys.count)
        due += keys[sliceStart..<end]
        sliceStart = end == keys.count ? 0 : end
        if !priority.isEmpty { due += toggles.filter { priority.contains($0.name) }.map(\.key) }
        return try updateInPlace(context, due + found)
    }

    /// Whether an unknown key broadcast tracking reported may be a toggle of a pattern with no
    /// literal prefix: not remembered as no toggle (a busy counter is read once, not on every
    /// write). Matched as a glob only when the pattern is not `*` (no String per key).
    private func isCandidate(_ key: RedisKey) -> Bool {
        !sweep.notToggles.contains(key) && skipRule?.isSkipped(key) != true
            && (pattern == "*" || KeyPatterns.matches(key, pattern))
    }

    /// The candidates to read as toggles, then forgotten. Under a prefix, all of them (the
    /// read drops what is not a toggle). Without one, only those one HEXISTS each finds to be
    /// toggles, after the skip rule of discovery (sessions, the error prefix, error ids); the
    /// others are remembered as no toggles, with the sweep's rule.
    private mutating func newToggles(_ context: FeedContext) throws(OperationsError) -> [RedisKey] {
        defer { candidates = [] }
        guard !candidates.isEmpty, KeyPatterns.literalPrefix(of: pattern).isEmpty else { return Array(candidates) }
        let rule = skipRule ?? ToggleDiscovery(patterns: context.env.patterns)
        let unknown = candidates.filter { index[$0] == nil && !rule.isSkipped($0) && !sweep.notToggles.contains($0) }
        let checked = try context.env.run { redis throws(RedisError) in try ToggleDiscovery.check(Array(unknown), on: redis) }
        sweep.notToggles.remember(checked.rejected)
        return checked.toggles
    }

    /// One poll's share of the rolling sweep: the new toggle keys it found. When a cycle ends,
    /// the freshness it gives goes to the pane if what the pane shows changes (only a cycle
    /// longer than 5 s is shown).
    private mutating func sweepStep(_ context: FeedContext) throws(OperationsError) -> [RedisKey] {
        let known = index
        let (found, complete) = try sweep.step(context.env) { known[$0] != nil }
        if complete, let seconds = sweep.freshness {
            let shown = seconds > 5 ? seconds.rounded(.up) : 0
            if shown != freshnessShown {
                freshnessShown = shown
                freshnessToSend = shown
            }
        }
        return found
    }

    /// One step of the discovery walk: the toggles it found are read (new ones added, known ones
    /// updated), with those flipped or reported changed meanwhile; when the walk completes,
    /// toggles it did not find are dropped and its cost is charged to the budget.
    private mutating func walkStep(
        _ context: FeedContext, progress: inout DiscoveryProgress?
    ) throws(OperationsError) -> (toggles: [Toggle], moved: Bool, discovered: Bool) {
        guard let current = walk else { return (toggles, false, false) }
        var (step, spent) = (current.discovery, current.spent)
        defer { priority = [] }
        let env = context.env
        let started = Date()
        let pages = discoveryPagesPerPoll
        let found = try env.run { redis throws(RedisError) in try step.advance(on: redis, pages: pages) }
        spent += Date().timeIntervalSince(started)
        let due = found + toggles.filter { priority.contains($0.name) }.map(\.key) + dirty + candidates
        dirty = []
        candidates = []
        var result = try updateInPlace(context, due)
        result.discovered = !found.isEmpty
        if step.isComplete {
            walk = nil
            discovery.record(at: current.startedAt, took: spent)
            let kept = toggles.filter { step.contains($0.key) }
            if kept.count != toggles.count {
                setToggles(kept)
                result = (kept, true, true)
            }
            keys = toggles.map(\.key)
            sliceStart = 0
            sweep.estimate(scanned: step.scanned, scanCount: env.patterns.scanCount)
            progress = DiscoveryProgress(scanned: step.scanned, estimate: nil, isComplete: true)
            return result
        }
        walk = (step, current.startedAt, spent)
        let size = try env.run { redis throws(RedisError) in try redis.execute("DBSIZE").int.map(Int.init) }
        progress = DiscoveryProgress(scanned: step.scanned, estimate: size)
        return result
    }

    /// The known toggles whose `toggle` field is no longer what they hold (or is gone).
    private func valueSweep(_ env: OpsEnvironment) throws(OperationsError) -> [RedisKey] {
        let values = try ToggleStore.values(env, keys: toggles.map(\.key))
        return zip(toggles, values).compactMap { toggle, value in value == toggle.value.raw ? nil : toggle.key }
    }

    /// Re-reads `due` and updates the known toggles in place.
    private mutating func updateInPlace(_ context: FeedContext, _ due: [RedisKey]) throws(OperationsError) -> (
        toggles: [Toggle], moved: Bool, discovered: Bool
    ) {
        let env = context.env
        // Updated in place through the index: copying the whole array of 10,000 toggles each
        // poll (retain/release of every field) was the largest idle cost in a profile.
        var moved = false
        var got = Set<RedisKey>(minimumCapacity: due.count)
        for toggle in try ToggleStore.fetch(env, keys: due) {
            got.insert(toggle.key)
            if let at = index[toggle.key] {
                if toggles[at] != toggle {
                    toggles[at] = toggle
                    moved = true
                }
            } else {
                // A new toggle the server reported under the pattern's prefix.
                keys.append(toggle.key)
                index[toggle.key] = toggles.count
                toggles.append(toggle)
                moved = true
            }
        }
        let vanished = Set(due.filter { index[$0] != nil && !got.contains($0) })
        if !vanished.isEmpty {
            setToggles(toggles.filter { !vanished.contains($0.key) })
            moved = true
        }
        return (toggles, moved, false)
    }

    private mutating func setToggles(_ new: [Toggle]) {
        toggles = new
        index = Dictionary(new.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Puts on the record each toggle of `stale` whose value moved with no audit entry saying
    /// so (`ObservedChange`). Toggles seen for the first time have no old value: nothing to say.
    /// A write the server refuses (read-only ACL user, a replica) keeps the observation in
    /// memory, labelled, as `--read-only` does; a lost connection fails the poll as any read.
    private mutating func observe(_ context: FeedContext, _ stale: [Toggle]) throws(OperationsError) {
        var env = context.env
        env.actor = observations.observer
        env.gate = WriteGate(readOnly: !observations.records)
        var explainedElsewhere: [Toggle] = []
        for toggle in stale {
            guard let old = lastValues[toggle.name], !ObservedChange.isExplained(toggle, by: latestChange[toggle.name]) else { continue }
            do {
                if let entry = try ObservedChange.record(env, toggle: toggle, old: old) {
                    latestChange[toggle.name] = entry
                } else {
                    explainedElsewhere.append(toggle)
                }
            } catch {
                if case .redis(let redis) = error, redis.isConnectionFailure { throw error }
                var entry = ObservedChange.entry(env, toggle: toggle, old: old)
                entry.notRecorded = true
                latestChange[toggle.name] = entry
            }
        }
        // Another dashboard recorded it first (or it moved again): show the trail's own entry.
        guard !explainedElsewhere.isEmpty else { return }
        let latest = try context.permissions.run(.audit) { () throws(OperationsError) in
            try AuditStore.latest(env, toggles: explainedElsewhere)
        }
        for (name, entry) in latest ?? [:] { latestChange[name] = entry }
    }
}
