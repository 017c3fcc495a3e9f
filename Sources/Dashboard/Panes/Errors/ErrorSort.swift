import Foundation

/// How the Errors pane's list of errors (search results, the latest errors, a group's members)
/// is ordered once the person asks (`o` next column, `O` reverse; issue 25). Before that it is
/// as read: newest first, which is `.when` ascending. A plain value.
public enum ErrorRowSort: Int, CaseIterable, Hashable, Sendable {
    case when, toggle, fingerprint, exception

    /// Its column's header (`ErrorsPane.columns`), which `:columns` names.
    var title: String { ["When", "Toggle", "Fingerprint", "Exception"][rawValue] }

    public var label: String {
        switch self {
        case .when: return "time"
        case .toggle: return "toggle"
        case .fingerprint: return "fingerprint"
        case .exception: return "exception"
        }
    }

    /// Strict order; ties fall back to the id (which carries the time), so the order is stable.
    /// `.when` puts the newest first, as the list arrives: during an incident "just now" matters.
    func less(_ a: ErrorRow, _ b: ErrorRow) -> Bool {
        switch self {
        case .when:
            if let order = TableSorting.newestFirst(a.time, b.time) { return order }
        case .toggle where a.toggleName != b.toggleName: return a.toggleName < b.toggleName
        case .fingerprint where a.fingerprint != b.fingerprint: return a.fingerprint < b.fingerprint
        case .exception where a.firstLine != b.firstLine: return a.firstLine < b.firstLine
        case .toggle, .fingerprint, .exception: break
        }
        return a.id > b.id
    }
}

/// How the Errors pane's groups are ordered once the person asks. Before that they are as
/// read: biggest first, which is `.count` ascending. The Trend column is a picture of the
/// window, not a value to sort by. A plain value.
public enum ErrorGroupSort: Int, CaseIterable, Hashable, Sendable {
    case count, last, toggle, exception

    /// Its column's header (`ErrorGroupsTable.columns`), which `:columns` names.
    var title: String { ["Count", "Last", "Toggle", "Exception"][rawValue] }

    public var label: String {
        switch self {
        case .count: return "count"
        case .last: return "last seen"
        case .toggle: return "toggle"
        case .exception: return "exception"
        }
    }

    /// Strict order; ties fall back to the signature. Count puts the biggest first, Last the
    /// most recent first.
    func less(_ a: ErrorGroupRow, _ b: ErrorGroupRow) -> Bool {
        switch self {
        case .count where a.count != b.count: return a.count > b.count
        case .last:
            if let order = TableSorting.newestFirst(a.lastSeen, b.lastSeen) { return order }
        case .toggle where a.toggleName != b.toggleName: return a.toggleName < b.toggleName
        case .exception where a.exception != b.exception: return a.exception < b.exception
        case .count, .toggle, .exception: break
        }
        return a.id < b.id
    }
}
