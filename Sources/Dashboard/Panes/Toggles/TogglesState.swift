import Foundation

/// Everything the Toggles pane remembers between frames. A plain value owned by `AppState` on
/// the main queue.
public struct TogglesState: PaneState {
    public static var pane: Pane { .toggles }

    /// As polled, in the poller's order.
    public private(set) var rows: [ToggleRow] = []
    /// Indices into `rows` after filter and sort: what the table shows.
    public private(set) var visible: [Int] = []
    public var table = TableState()
    public var filter = TextInput()
    public var editingFilter = false
    /// The detail open over the table (Enter), if any.
    public var detail: ToggleDetailState?
    public var detailScroll = 0
    /// What the open detail's errors were last read against (`ToggleDetailFreshness`).
    public var detailErrorsBasis: DetailErrorsBasis?
    public private(set) var sort: ToggleSort = .name
    /// `O` reversed the order of `sort`.
    public private(set) var descending = false
    /// When a poll saw another client change a toggle; drives the brief flash.
    public var changedAt: [String: Date] = [:]
    /// Raw values our own flips wrote and a poll has not shown yet: seeing them is not a change
    /// "by others", so they are not flashed.
    public var pendingOwnFlips: [String: String] = [:]
    /// Errors per toggle in the time window (from the Errors feed), for the errors column,
    /// its sort and the mark of a toggle whose errors rose after its last flip.
    public private(set) var rates: [String: ErrorRate] = [:]
    /// True once the window has been read: the errors column shows from then on.
    public private(set) var ratesLoaded = false
    /// False until the first poll: everything is new then, so nothing flashes.
    public private(set) var loaded = false

    public init() {}

    /// How long a change by others stays marked.
    public static let flashSeconds: Double = 5

    public var selectedRow: ToggleRow? {
        guard let s = table.selected, s >= 0, s < visible.count else { return nil }
        return rows[visible[s]]
    }

    public func row(atVisible i: Int) -> ToggleRow { rows[visible[i]] }

    /// Replaces the rows with a poll's, marking values that changed under us.
    /// The discovery walk under way, shown in the title; nil when none is.
    public var discovery: DiscoveryProgress?
    /// Seconds until a new toggle shows, when that is longer than 5 s (shown in the title);
    /// nil when within 5 s.
    public var newToggleFreshness: Double?

    public mutating func replace(_ new: [ToggleRow], at time: Date) {
        // A routine poll brings the same toggles in the same places: compared place by place,
        // without an index of 10,000 names, and the order kept when no sort key moved (issue 28,
        // figure 5b: applying a poll of 10,000 changed toggles cost 8 ms, most of it re-sorting
        // and indexing what had not moved).
        let samePlaces = new.count == rows.count && zip(new, rows).allSatisfy { $0.name == $1.name }
        if loaded {
            if samePlaces {
                for i in new.indices where new[i].rawValue != rows[i].rawValue { noteChange(new[i], at: time) }
            } else {
                let old = Dictionary(rows.map { ($0.name, $0.rawValue) }, uniquingKeysWith: { a, _ in a })
                for row in new {
                    guard let before = old[row.name], before != row.rawValue else { continue }
                    noteChange(row, at: time)
                }
            }
        }
        loaded = true
        let keep = selectedRow?.name
        let sameOrder = samePlaces && filter.text.isEmpty && zip(new, rows).allSatisfy { sort.sameKey($0, $1) }
        rows = new
        // Same names in the same places, same keys: `visible` and the selection still hold.
        if !sameOrder { refilter(keeping: keep) }
    }

    /// A value changed under us: by our own flip (expected), or by someone else (it flashes).
    private mutating func noteChange(_ row: ToggleRow, at time: Date) {
        if pendingOwnFlips[row.name] == row.rawValue {
            pendingOwnFlips[row.name] = nil
        } else {
            changedAt[row.name] = time
        }
    }

    public mutating func setRates(_ rates: [String: ErrorRate]) {
        self.rates = rates
        ratesLoaded = true
        if sort == .errors { refilter() }
    }

    /// Its errors rose after its last flip (audit): `ErrorRate.rose(after:now:)`.
    public func errorsRose(_ row: ToggleRow, now: Date) -> Bool {
        guard let flip = row.lastChange?.time, let rate = rates[row.name] else { return false }
        return rate.rose(after: flip, now: now)
    }

    public mutating func setSort(_ sort: ToggleSort, descending: Bool = false) {
        self.sort = sort
        self.descending = descending
        refilter()
    }

    /// Recomputes `visible`, keeping the selected toggle selected (by name) when it survives.
    public mutating func refilter() {
        refilter(keeping: selectedRow?.name)
    }

    /// `visible` indexes into `rows`: when the rows are replaced, the selection must be read
    /// before, or a shorter list would be indexed with the old positions.
    private mutating func refilter(keeping keep: String?) {
        let needle = filter.text.lowercased()
        var indices = rows.indices.filter { i in
            guard !needle.isEmpty else { return true }
            let r = rows[i]
            return [r.name, r.fingerprint ?? "", r.override ?? "", r.releaseNum ?? "", r.rawValue]
                .contains { $0.lowercased().contains(needle) }
        }
        TableSorting.arrange(&indices, descending: descending) { sort.less(rows[$0], rows[$1], rates: rates) }
        visible = indices
        // Until the person picks a row the first one stays selected (and in view).
        if !table.chosen, !visible.isEmpty {
            table.selected = 0
            table.offset = 0
        } else if let keep, let i = visible.firstIndex(where: { rows[$0].name == keep }) {
            table.selected = i
        } else if visible.isEmpty {
            table.selected = nil
        } else {
            table.selected = min(max(0, table.selected ?? 0), visible.count - 1)
        }
    }

    /// Selects the toggle named `name`, clearing the filter if it hides it. False when absent.
    @discardableResult
    public mutating func select(name: String) -> Bool {
        guard rows.contains(where: { $0.name == name }) else { return false }
        if !visible.contains(where: { rows[$0].name == name }) {
            filter = TextInput()
            refilter()
        }
        table.selected = visible.firstIndex { rows[$0].name == name }
        table.chosen = true
        return true
    }

    /// Whether the row should flash at `now`.
    public func isFlashing(_ name: String, now: Date) -> Bool {
        guard let t = changedAt[name] else { return false }
        let age = now.timeIntervalSince(t)
        // The flash starts or ends on screen then: the next frame is due (`ClockHorizon`).
        ClockHorizon.note(age < 0 ? -age : TogglesState.flashSeconds - age)
        return age >= 0 && age < TogglesState.flashSeconds
    }

    /// Forgets flashes that are over, so the dictionary does not grow for ever.
    public mutating func expireFlashes(now: Date) {
        changedAt = changedAt.filter { now.timeIntervalSince($0.value) < TogglesState.flashSeconds }
    }
}

extension AppState {
    /// The Toggles pane's state (kept in `paneStates`).
    public var toggles: TogglesState {
        get { paneStates[TogglesState.self] }
        set { paneStates[TogglesState.self] = newValue }
        _modify { yield &paneStates[TogglesState.self] }
    }
}
