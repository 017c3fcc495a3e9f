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
    /// What the open detail was last read against (`ToggleDetailFreshness`).
    public var detailBasis: DetailBasis?
    public private(set) var sort: ToggleSort = .name
    /// `O` reversed the order of `sort`.
    public private(set) var descending = false
    /// When a poll saw another client change a toggle, by place in `rows`; drives the brief
    /// flash.
    public private(set) var flashes = ToggleFlashes()
    /// The `TogglesPart.version` of `rows` (nil: rows not from a versioned part), so a part's
    /// `changes` apply only to the rows they were computed against.
    public private(set) var rowsVersion: UInt64?
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

    /// The discovery walk under way, shown in the title; nil when none is.
    public var discovery: DiscoveryProgress?
    /// Seconds until a new toggle shows, when that is longer than 5 s (shown in the title);
    /// nil when within 5 s.
    public var newToggleFreshness: Double?

    /// Replaces the rows with a poll's, marking values that changed under us.
    public mutating func replace(_ new: [ToggleRow], at time: Date) {
        replace(new, version: nil, changes: nil, at: time)
    }

    /// Replaces the rows with a poll's (of `version`), marking values that changed under us.
    /// With `changes` against the rows held, only the changed places are touched: the rest of
    /// 10,000 rows costs nothing (issue 28, figure 5b).
    public mutating func replace(_ new: [ToggleRow], version: UInt64?, changes: ToggleRowChanges?, at time: Date) {
        defer { rowsVersion = version }
        if loaded, let changes, changes.since == rowsVersion, applies(changes, from: new) {
            patch(changes.places, from: new, at: time)
            return
        }
        // A routine poll brings the same toggles in the same places: compared place by place,
        // without an index of 10,000 names, and the order kept when no sort key moved (issue 28,
        // figure 5b: applying a poll of 10,000 changed toggles cost 8 ms, most of it re-sorting
        // and indexing what had not moved). Indices, not `zip`: a pair of rows copied per place
        // was half of what remained.
        let samePlaces = new.count == rows.count && new.indices.allSatisfy { new[$0].name == rows[$0].name }
        if loaded {
            if samePlaces {
                for i in new.indices where new[i].rawValue != rows[i].rawValue { noteChange(new[i], place: i, at: time) }
            } else {
                let old = Dictionary(rows.map { ($0.name, $0.rawValue) }, uniquingKeysWith: { a, _ in a })
                if !flashes.isEmpty {
                    let place = Dictionary(new.indices.map { (new[$0].name, $0) }, uniquingKeysWith: { a, _ in a })
                    flashes.remap { [rows] in place[rows[$0].name] }
                }
                for i in new.indices {
                    guard let before = old[new[i].name], before != new[i].rawValue else { continue }
                    noteChange(new[i], place: i, at: time)
                }
            }
        }
        loaded = true
        let keep = selectedRow?.name
        let sameOrder = samePlaces && filter.text.isEmpty && new.indices.allSatisfy { sort.sameKey(new[$0], rows[$0]) }
        rows = new
        // Same names in the same places, same keys: `visible` and the selection still hold.
        if !sameOrder { refilter(keeping: keep) }
    }

    /// Whether `changes` can be applied from `new`: the same count, each place in range and
    /// holding the same toggle.
    private func applies(_ changes: ToggleRowChanges, from new: [ToggleRow]) -> Bool {
        guard new.count == rows.count else { return false }
        return new.withUnsafeBufferPointer { n in
            rows.withUnsafeBufferPointer { o in
                changes.places.allSatisfy { $0 >= 0 && $0 < o.count && n[$0].name == o[$0].name }
            }
        }
    }

    /// Takes the rows at `places` from `new`: flashes for values changed, and the order and
    /// filter recomputed only when a changed row's sort key or match moved. Rows are read in
    /// place (buffer pointers): reading `new[i]` copied the whole row, a retain and a release of
    /// each of its strings, twice per changed row.
    private mutating func patch(_ places: [Int], from new: [ToggleRow], at time: Date) {
        let keep = selectedRow?.name
        let needle = filter.text.lowercased()
        let sort = sort
        var moved: [Int] = []
        var orderHolds = true
        new.withUnsafeBufferPointer { n in
            rows.withUnsafeBufferPointer { o in
                for i in places {
                    if n[i].rawValue != o[i].rawValue { moved.append(i) }
                    guard orderHolds else { continue }
                    orderHolds =
                        sort.sameFields(n[i], o[i]) && (needle.isEmpty || Self.matches(n[i], needle) == Self.matches(o[i], needle))
                }
            }
        }
        noteChanges(moved, in: new, at: time)
        new.withUnsafeBufferPointer { n in
            rows.withUnsafeMutableBufferPointer { o in
                for i in places { o[i] = n[i] }
            }
        }
        if !orderHolds { refilter(keeping: keep) }
    }

    /// The values at `places` of `new` changed under us: those our own flips wrote are expected,
    /// the others flash, as one batch.
    private mutating func noteChanges(_ places: [Int], in new: [ToggleRow], at time: Date) {
        guard !pendingOwnFlips.isEmpty else {
            flashes.note(places, at: time)
            return
        }
        for i in places { noteChange(new[i], place: i, at: time) }
    }

    /// A value changed under us: by our own flip (expected), or by someone else (it flashes).
    private mutating func noteChange(_ row: ToggleRow, place: Int, at time: Date) {
        if !pendingOwnFlips.isEmpty, pendingOwnFlips[row.name] == row.rawValue {
            pendingOwnFlips[row.name] = nil
        } else {
            flashes.note(place, at: time)
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
        var indices = needle.isEmpty ? Array(rows.indices) : rows.indices.filter { Self.matches(rows[$0], needle) }
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

    /// Whether the filter `needle` (lowercased) finds `r`.
    private static func matches(_ r: ToggleRow, _ needle: String) -> Bool {
        [r.name, r.fingerprint ?? "", r.override ?? "", r.releaseNum ?? "", r.rawValue].contains { $0.lowercased().contains(needle) }
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

    /// Whether the toggle named `name` should flash at `now` (a search by name; the table
    /// asks by place).
    public func isFlashing(_ name: String, now: Date) -> Bool {
        guard let place = rows.firstIndex(where: { $0.name == name }) else { return false }
        return isFlashing(place: place, now: now)
    }

    /// Whether the row at `place` in `rows` should flash at `now`.
    public func isFlashing(place: Int, now: Date) -> Bool {
        guard let t = flashes.changedAt(place) else { return false }
        let age = now.timeIntervalSince(t)
        // The flash starts or ends on screen then: the next frame is due (`ClockHorizon`).
        ClockHorizon.note(age < 0 ? -age : TogglesState.flashSeconds - age)
        return age >= 0 && age < TogglesState.flashSeconds
    }

    /// Forgets flashes that are over, so what is remembered does not grow for ever.
    public mutating func expireFlashes(now: Date) {
        flashes.expire(now: now, after: TogglesState.flashSeconds)
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
