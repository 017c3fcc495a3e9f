import Foundation

/// The Toggles pane's part of a poll (`TogglesFeed` makes it): the rows when they changed, and
/// the discovery walk's progress. Applied to `AppState.toggles` on the main queue.
public struct TogglesPart: PanePart {
    public static var pane: Pane { .toggles }

    /// Every toggle, a full replacement; nil when unchanged.
    public var rows: [ToggleRow]?
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
        let flashesBefore = state.toggles.changedAt.count
        if let rows { state.toggles.replace(rows, at: at) }
        if let discovery { state.toggles.discovery = discovery.isComplete ? nil : discovery }
        if let newToggleFreshness { state.toggles.newToggleFreshness = newToggleFreshness > 0 ? newToggleFreshness : nil }
        // The first three names only: sorting all of them cost milliseconds when 10,000 moved.
        var flipped: [String] = []
        for (name, time) in state.toggles.changedAt where time == at {
            guard flipped.count < 3 || name < flipped[2] else { continue }
            flipped.insert(name, at: flipped.firstIndex { name < $0 } ?? flipped.count)
            if flipped.count > 3 { flipped.removeLast() }
        }
        let notes = flipped.map { name in
            let now = state.toggles.rows.first { $0.name == name }?.stateText ?? "?"
            return "\(SafeText.line(name, width: 40)) flipped elsewhere: now \(now)"
        }
        return PartOutcome(notes: notes, worthALook: state.toggles.changedAt.count > flashesBefore)
    }
}
