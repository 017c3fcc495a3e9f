/// Which rows of a `TogglesPart` differ from the rows the part before it sent, when every
/// toggle kept its place: made on the poller's queue, where the rows are built, so the main
/// queue applies those rows only and unchanged rows cost it nothing (issue 28, figure 5b). A
/// plain value carried in the part.
public struct ToggleRowChanges: Hashable, Sendable {
    /// The `TogglesPart.version` of the rows these changes are against: the pane applies them
    /// only when it holds exactly those rows (a part lost or dropped on the way means a full
    /// comparison instead, never a wrong row).
    public var since: UInt64
    /// Indices into the rows whose row differs, ascending; the toggle at each is the same one.
    public var places: [Int]

    public init(since: UInt64, places: [Int]) {
        self.since = since
        self.places = places
    }

    /// The places where `new` differs from `old` when every toggle kept its place (same count,
    /// same name at each changed place; unchanged places are equal rows); nil otherwise. An
    /// empty array: nothing changed.
    public static func places(from old: [ToggleRow]?, to new: [ToggleRow]) -> [Int]? {
        guard let old, old.count == new.count else { return nil }
        var places: [Int] = []
        for i in new.indices where new[i] != old[i] {
            guard new[i].name == old[i].name else { return nil }
            places.append(i)
        }
        return places
    }
}

extension TogglesPart {
    /// Puts `rows` in this part when they differ from `last` (the rows the last part sent and
    /// its version), under a new version, with the changed places when every toggle kept its
    /// place; `last` becomes what was sent. Nothing changes when the rows are the same. Feeds
    /// and the benchmark make their parts with it.
    public mutating func send(_ rows: [ToggleRow], after last: inout (rows: [ToggleRow], version: UInt64)?) {
        let places = ToggleRowChanges.places(from: last?.rows, to: rows)
        if places?.isEmpty == true { return }
        let version = UInt64.random(in: 1...UInt64.max)
        self.rows = rows
        self.version = version
        changes = places.flatMap { places in last.map { ToggleRowChanges(since: $0.version, places: places) } }
        last = (rows, version)
    }
}
