import Foundation

/// The Toggles pane's part of a poll (`TogglesFeed` makes it): the rows when they changed, and
/// the discovery walk's progress. Applied to `AppState.toggles` on the main queue.
public struct TogglesPart: PanePart {
    public static var pane: Pane { .toggles }

    /// Every toggle, a full replacement; nil when unchanged.
    public var rows: [ToggleRow]?
    /// Names these `rows` (a random number), so the next part can say what changed since.
    public var version: UInt64?
    /// The places of `rows` that changed since the rows of version `since`, when every toggle
    /// kept its place: the pane then applies only those (`TogglesPart.sending` makes it).
    public var changes: ToggleRowChanges?
    /// The discovery walk under way (or just complete); nil when unchanged. `rows` holds what
    /// it found so far.
    public var discovery: DiscoveryProgress?
    /// How soon a new toggle shows, in seconds, when a full sweep for new toggles takes longer
    /// than 5 s (a huge keyspace); 0 when within 5 s; nil when unchanged.
    public var newToggleFreshness: Double?

    public init() {}

    public init(rows: [ToggleRow]?, discovery: DiscoveryProgress? = nil) {
        self.rows = rows
        self.discovery = discovery
    }

    /// Rows changed by someone else flash, and the status line names them (three at most).
    public func apply(to state: inout AppState, at: Date) -> PartOutcome {
        let flashesBefore = state.toggles.flashes.count(at: at)
        if let rows { state.toggles.replace(rows, version: version, changes: changes, at: at) }
        if let discovery { state.toggles.discovery = discovery.isComplete ? nil : discovery }
        if let newToggleFreshness { state.toggles.newToggleFreshness = newToggleFreshness > 0 ? newToggleFreshness : nil }
        // The first three names only: sorting all of them cost milliseconds when 10,000 moved.
        let toggles = state.toggles
        let changed = toggles.flashes.places(at: at)
        guard changed.count > flashesBefore else { return PartOutcome() }
        var flipped: [Int] = []
        for place in changed {
            let name = toggles.rows[place].name
            guard flipped.count < 3 || name < toggles.rows[flipped[2]].name else { continue }
            flipped.insert(place, at: flipped.firstIndex { name < toggles.rows[$0].name } ?? flipped.count)
            if flipped.count > 3 { flipped.removeLast() }
        }
        let notes = flipped.map { place in
            let row = toggles.rows[place]
            return "\(SafeText.line(row.name, width: 40)) flipped elsewhere: now \(row.stateText)"
        }
        return PartOutcome(notes: notes, worthALook: true)
    }
}
