import Foundation

/// The Errors pane's part of a poll (`ErrorsFeed` makes it): the overview (counts, the newest
/// errors, the window's groups and per-toggle rates), the active search re-run, and whether the
/// list was found current. Applied on the main queue to `AppState.errors`, and the rates to
/// the Toggles pane's errors column.
public struct ErrorsPart: PanePart {
    public static var pane: Pane { .errors }
    /// A group spikes when it gains at least this many errors in one poll and at least doubles.
    static let spikeMinimum = 10

    public var counts: [ToggleCount]?
    /// The newest errors (a view with an empty query), shown until the user searches.
    public var latest: ErrorSearchView?
    /// True when this poll showed the error list to be current: it brought `latest`, or its
    /// probe found the error database unchanged. The pane's age counts from here.
    public var checked = false
    /// The active search run again because the error database changed.
    public var refreshedSearch: ErrorSearchView?
    /// The error groups in the time window, biggest first (nil: not read this poll).
    public var groups: [ErrorGroupRow]?
    /// Errors per toggle in the time window (nil: not read this poll).
    public var rates: [String: ErrorRate]?
    /// The window held more errors than were read: counts are of the newest.
    public var windowTruncated = false
    /// The figures above cover only the newest records read so far (the first walk goes on);
    /// applied with `counts`, nil there meaning exact.
    public var counting: ErrorCounting?

    public init() {}

    public init(
        counts: [ToggleCount]? = nil, latest: ErrorSearchView? = nil, checked: Bool = false,
        refreshedSearch: ErrorSearchView? = nil, groups: [ErrorGroupRow]? = nil, rates: [String: ErrorRate]? = nil
    ) {
        self.counts = counts
        self.latest = latest
        self.checked = checked
        self.refreshedSearch = refreshedSearch
        self.groups = groups
        self.rates = rates
    }

    /// New errors mark the tab while the pane is off screen; a group that spikes is said in
    /// the status line (compared before the new groups replace the old).
    /// "Found current" alone (a live poll where nothing was reported) only moves the errors'
    /// age, which `FrameGate` compares as text.
    public func changesNothingShown(in state: AppState) -> Bool {
        var bare = self
        bare.checked = false
        return bare == ErrorsPart()
    }

    public func apply(to state: inout AppState, at: Date) -> PartOutcome {
        let before = state.errors.latest?.total
        if let counts {
            state.errors.counts = counts
            state.errors.counting = counting
        }
        let notes = spike(from: state.errors.groups).map { [$0] } ?? []
        if let groups { state.errors.showGroups(groups, truncated: windowTruncated) }
        if let rates { state.toggles.setRates(rates) }
        if let latest { state.errors.showLatest(latest) }
        if let refreshedSearch { state.errors.refreshSearch(refreshedSearch) }
        if checked { state.errors.checkedAt = at }
        let more = before.map { was in (latest?.total).map { $0 > was } ?? false } ?? false
        return PartOutcome(notes: notes, worthALook: more)
    }

    /// The first group that gained `spikeMinimum` errors and at least doubled since `old`.
    private func spike(from old: [ErrorGroupRow]?) -> String? {
        guard let new = groups, let old else { return nil }
        let before = Dictionary(old.map { ($0.id, $0.count) }, uniquingKeysWith: { a, _ in a })
        for group in new {
            let was = before[group.id] ?? 0
            guard group.count - was >= Self.spikeMinimum, group.count >= 2 * was else { continue }
            return "errors spiking: \(SafeText.line(group.toggleName, width: 30)) "
                + "\(SafeText.line(group.exception, width: 50)) "
                // A group not wholly read has a lower bound, not a count: no difference of two of them.
                + (group.partial ? "now ≥ \(Formatting.count(group.count))" : "+\(Formatting.count(group.count - was))")
        }
        return nil
    }
}
