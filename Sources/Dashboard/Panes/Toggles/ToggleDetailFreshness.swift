import Foundation

/// Keeps an open toggle detail true while it is open (found in issue 23's storm trial: after a
/// flip by redis-cli the detail still said "ON for everyone", `toggle True` and no change, and
/// "360 recorded" beside "363 errors in the last 15m", until `r`). Pure; main queue, called by
/// `applyPoll` after every pane took its part.
///
/// - The toggle's row changed in this poll (a flip here or elsewhere): the whole detail is read
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
        let count = state.toggles.rates[name]?.count ?? 0
        if state.toggles.changedAt[name] == at {
            state.toggles.detailErrorsBasis = .init(count: count, requestedAt: at)
            return [.loadToggleDetail(name: name)]
        }
        guard let basis = state.toggles.detailErrorsBasis else {
            // First poll with this detail open: what it read is the basis.
            state.toggles.detailErrorsBasis = .init(count: count, requestedAt: detail.fetchedAt)
            return []
        }
        guard basis.count != count, at.timeIntervalSince(basis.requestedAt) >= errorsInterval else { return [] }
        state.toggles.detailErrorsBasis = .init(count: count, requestedAt: at)
        return [.refreshToggleDetailErrors(name: name)]
    }
}

/// What the open detail's errors were last read against: the window's count for the toggle and
/// when the read was asked for. Reset when a detail opens.
public struct DetailErrorsBasis: Hashable, Sendable {
    public var count: Int
    public var requestedAt: Date
}
