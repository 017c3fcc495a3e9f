import Foundation
import Operations
import RedisClient

/// The Toggles feed's rolling SCAN for new toggles between full discoveries (issue 24, bug 2):
/// one cursor continued across polls, a few pages per poll, started again when it comes back to
/// 0, so a new toggle hash shows within one cycle (≤ 5 s when the keyspace allows) without a
/// whole keyspace walk in any poll. Used when nothing else reports new toggles: polling only
/// (with invalidations, broadcast tracking reports them, with the empty prefix for a pattern
/// such as `*`: docs/DECISIONS.md, "New toggles by broadcast with the pattern `*`").
///
/// Pacing: pages per poll aim at a full cycle in `targetPolls` polls, capped so the sweep's
/// measured time stays under `share` of each poll interval (and `maxPagesPerPoll`). When the
/// cap makes a cycle longer than 5 s the freshness it gives is reported (`freshness`), and the
/// pane says it. A value owned by `TogglesFeed`, on the poller's queue.
public struct NewToggleSweep {
    /// Seconds between routine polls (the dashboard's interval), for the freshness figure.
    public var pollInterval = 1.0
    /// Share of each poll interval the sweep may spend (its measured time, server round trips
    /// included).
    public var share = 0.02
    /// Keys per SCAN page, as a multiple of the patterns' `scanCount`: the sweep walks the
    /// whole keyspace every few seconds, and with pages of 1,000 keys its SCAN calls were 28 a
    /// second at 110,000 keys (most of idle figure 6b's commands). The server's work per key is
    /// the same; bigger pages mean fewer calls and round trips (each still about a millisecond
    /// of server time at 5,000 keys).
    public var pageScale = 5
    /// A hard cap on SCAN pages per poll, whatever the measured cost.
    public var maxPagesPerPoll = 40
    /// Pages per poll allowed whatever the measured time says (when the cycle needs them): a
    /// keyspace up to about 120,000 keys (6 pages of 5,000) keeps its 4 s cycle on a loaded machine, where the
    /// measured time (the dashboard's wall time, round trips included) rises with the load and
    /// not with the server's work (benchmark 7e polling only: 28 s before this floor).
    public var floorPages = 6
    /// What a cycle should take at most when the cost allows, in seconds: under the 5 s goal,
    /// with a poll to spare.
    public var target = 4.0
    private var walk: ToggleDiscovery?
    /// Pages of the last complete cycle (an estimate before the first).
    private var pagesPerCycle = 1
    /// Pages and routine polls of the cycle under way.
    private var pages = 0
    private var polls = 0
    private var cycleStarted: Date?
    /// Hashes found not to be toggles, not asked again (at most `rememberedLimit`): with the
    /// default pattern every other hash of the keyspace (error records under another prefix,
    /// guard records) was asked `HEXISTS` every cycle, most of the idle commands (figure 6b).
    /// A hash that later gains a `toggle` field is found by the full discovery walk instead.
    /// Shared with the Toggles feed's broadcast candidates (`NonToggleMemory`).
    var notToggles = NonToggleMemory()
    public var rememberedLimit: Int {
        get { notToggles.limit }
        set { notToggles.limit = newValue }
    }
    /// Measured seconds per page (a moving average); nil before the first page.
    private var secondsPerPage: Double?
    /// The new-toggle freshness of the last complete cycle, in seconds: its polls times the
    /// interval, or its wall time when longer (polls slower than the interval on a loaded
    /// machine: seen at 400,000 keys, "~14s" said while a new toggle took 17 s).
    public private(set) var freshness: Double?

    public init() {}

    /// Sizes the first cycle from a complete discovery walk's count of keys.
    mutating func estimate(scanned: Int, scanCount: Int) {
        pagesPerCycle = max(1, scanned / max(1, scanCount * pageScale) + 1)
    }

    /// The pages this poll may walk.
    var pagesThisPoll: Int {
        let polls = max(1, Int(target / max(0.001, pollInterval)))
        var wanted = (pagesPerCycle + polls - 1) / polls
        if let secondsPerPage, secondsPerPage > 0 {
            wanted = min(wanted, max(floorPages, Int(share * pollInterval / secondsPerPage)))
        }
        return max(1, min(wanted, maxPagesPerPoll))
    }

    /// Walks this poll's pages; returns the toggle keys found that `isKnown` does not know.
    /// Returns whether a cycle completed (its `freshness` is then new).
    mutating func step(
        _ env: OpsEnvironment, isKnown: (RedisKey) -> Bool
    ) throws(OperationsError) -> (found: [RedisKey], cycleComplete: Bool) {
        var current = walk ?? ToggleDiscovery(patterns: env.patterns, count: env.patterns.scanCount * pageScale)
        let budget = pagesThisPoll
        let started = Date()
        if walk == nil { cycleStarted = started }
        var found: [RedisKey] = []
        var walked = 0
        // One page at a time, so a cycle's end stops this poll's share there.
        var rejected: [RedisKey] = []
        while walked < budget && !current.isComplete {
            found += try env.run { redis throws(RedisError) in
                try current.advance(on: redis, pages: 1) { isKnown($0) || notToggles.contains($0) }
            }
            walked += 1
            rejected += current.rejected
        }
        // Inserted after the walk: the closure above reads the set, and a write while it is
        // shared would copy it.
        notToggles.remember(rejected)
        let took = Date().timeIntervalSince(started) / Double(max(1, walked))
        secondsPerPage = secondsPerPage.map { $0 * 0.7 + took * 0.3 } ?? took
        pages += walked
        polls += 1
        guard current.isComplete else {
            walk = current
            return (found, false)
        }
        walk = nil
        pagesPerCycle = max(1, pages)
        let wall = cycleStarted.map { Date().timeIntervalSince($0) } ?? 0
        freshness = max(Double(polls) * pollInterval, wall)
        pages = 0
        polls = 0
        return (found, true)
    }

    /// Drops the cycle under way (a full discovery walk starts: it covers the same ground).
    mutating func restart() {
        walk = nil
        // The full walk asks every hash again: so may the sweep (a hash may have gained a
        // `toggle` field, a key may have been deleted).
        notToggles.forget()
        pages = 0
        polls = 0
    }
}
