import Foundation

/// Keeps an open toggle detail true while it is open (found in issue 23's storm trial: after a
/// flip by redis-cli the detail still said "ON for everyone", `toggle True` and no change, and
/// "360 recorded" beside "363 errors in the last 15m", until `r`). Pure; main queue, called by
/// `applyPoll` after every pane took its part.
///
/// - The toggle's row is not what the detail was read against (a flip here or elsewhere, an
///   edit of its release or override): the whole detail is read
///   again (fields, rule, reach, audit trail, errors). The loaded detail stays on screen until
///   the answer replaces it.
/// - The toggle's error figure in the window moved: only its errors are read again (a count and
///   one page; the reach would walk every session), at most every `errorsInterval` seconds so a
///   storm on the toggle costs two commands every two seconds, not a detail per poll.
enum ToggleDetailFreshness {
    static let errorsInterval: Double = 2

    static func effects(_ state: inout AppState, at: Date) -> [Effect] {
        guard case .loaded(let detail) = state.toggles.detail else { return [] }
        let name = detail.name
        let row = state.toggles.rows.first { $0.name == name }
        let count = state.toggles.rates[name]?.count ?? 0
        guard let basis = state.toggles.detailBasis else {
            // First poll with this detail open: what it read is the basis.
            state.toggles.detailBasis = .init(row: row, errorCount: count, requestedAt: detail.fetchedAt)
            return []
        }
        if !sameRecord(row, basis.row) {
            state.toggles.detailBasis = .init(row: row, errorCount: count, requestedAt: at)
            return [.loadToggleDetail(name: name)]
        }
        guard basis.errorCount != count, at.timeIntervalSince(basis.requestedAt) >= errorsInterval else { return [] }
        state.toggles.detailBasis = .init(row: row, errorCount: count, requestedAt: at)
        return [.refreshToggleDetailErrors(name: name)]
    }

    /// The stored toggle is the same: value, release, fingerprint, override and last recorded
    /// change (a flip here or elsewhere moves one of them). A guard's ticking badge is not.
    static func sameRecord(_ a: ToggleRow?, _ b: ToggleRow?) -> Bool {
        a?.rawValue == b?.rawValue && a?.releaseNum == b?.releaseNum && a?.fingerprint == b?.fingerprint
            && a?.override == b?.override && a?.lastChange == b?.lastChange
    }
}

/// What the open detail was last read against: the toggle's row as polled, its error count in
/// the window, and when the read was asked for. Reset when a detail opens.
public struct DetailBasis: Hashable, Sendable {
    public var row: ToggleRow?
    public var errorCount: Int
    public var requestedAt: Date
}
