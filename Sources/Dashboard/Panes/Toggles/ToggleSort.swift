import Versioning
/// How the Toggles pane orders its rows (cycled with `o` through every column, reversed with
/// `O`). A plain value.
public enum ToggleSort: Int, CaseIterable, Hashable, Sendable {
    case name, release, state, lastChange, errors, fingerprint, override

    public var label: String {
        switch self {
        case .name: return "name"
        case .release: return "release"
        case .state: return "state"
        case .lastChange: return "last change"
        case .errors: return "errors"
        case .fingerprint: return "fingerprint"
        case .override: return "override"
        }
    }

    /// Strict ordering for this sort; ties fall back to the name so the order is stable.
    /// `rates` are the errors per toggle in the window (`.errors` puts the most first).
    func less(_ a: ToggleRow, _ b: ToggleRow, rates: [String: ErrorRate] = [:]) -> Bool {
        switch self {
        case .name:
            break
        case .release:
            // Version order, rows without a release last.
            switch (a.releaseNum, b.releaseNum) {
            case let (x?, y?) where x != y: return ReleaseVersion(x) < ReleaseVersion(y)
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
        case .state:
            let rank: [ToggleStatus: Int] = [.unknown: 0, .on: 1, .off: 2]
            if a.status != b.status { return rank[a.status]! < rank[b.status]! }
        case .errors:
            let (x, y) = (rates[a.name]?.count ?? 0, rates[b.name]?.count ?? 0)
            if x != y { return x > y }
        case .fingerprint where a.fingerprint != b.fingerprint:
            return (a.fingerprint ?? "\u{10FFFF}") < (b.fingerprint ?? "\u{10FFFF}")
        case .override where a.override != b.override:
            return (a.override ?? "\u{10FFFF}") < (b.override ?? "\u{10FFFF}")
        case .fingerprint, .override:
            break
        case .lastChange:
            // Newest first: during an incident the question is "what changed just now".
            if let order = TableSorting.newestFirst(a.lastChange?.time, b.lastChange?.time) { return order }
        }
        return a.name < b.name
    }

    /// Whether `a` and `b` (one toggle, polled twice) sort alike under this order: the fields
    /// it reads are equal (the errors' order reads the rates, which a poll of rows leaves).
    func sameKey(_ a: ToggleRow, _ b: ToggleRow) -> Bool {
        a.name == b.name && sameFields(a, b)
    }

    /// `sameKey` without comparing the names, for rows already known to be one toggle.
    func sameFields(_ a: ToggleRow, _ b: ToggleRow) -> Bool {
        switch self {
        case .name, .errors: return true
        case .release: return a.releaseNum == b.releaseNum
        case .state: return a.status == b.status
        case .lastChange: return a.lastChange?.time == b.lastChange?.time
        case .fingerprint: return a.fingerprint == b.fingerprint
        case .override: return a.override == b.override
        }
    }

    /// The table column this sort orders by (its header carries the arrow).
    var column: TogglesPane.Column {
        switch self {
        case .name: return .name
        case .release: return .release
        case .state: return .state
        case .lastChange: return .lastChange
        case .errors: return .errors
        case .fingerprint: return .fingerprint
        case .override: return .override
        }
    }
}
