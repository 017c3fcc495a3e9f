import Foundation

/// The one set of sorting rules every table shares (issue 25): `o` takes the next column,
/// `O` reverses, the sorted column's header carries ▲ or ▼, the title says "by …, reversed".
/// Each pane keeps only its own column order (`ToggleSort`, `SessionSort`, `ErrorRowSort`,
/// `ErrorGroupSort`: a `less` per column); how a direction applies and how it reads is here.
/// Pure.
enum TableSorting {
    /// Sorts `items` by `less`, or by its mirror when `descending`. Ties keep `less`'s own
    /// tie-breaker (each pane's falls back to the row's identity), so the order is stable.
    static func arrange<T>(_ items: inout [T], descending: Bool, by less: (T, T) -> Bool) {
        items.sort { descending ? less($1, $0) : less($0, $1) }
    }

    /// The header of a column: its title, with ▲ (or ▼ reversed) when it is the sorted one.
    static func header(_ title: String, sorted: Bool, descending: Bool) -> String {
        sorted ? title + (descending ? "▼" : "▲") : title
    }

    /// Newest first, rows without a time last: how every time column sorts ("what happened just
    /// now" first). Nil when the two tie, for the caller's tie-breaker.
    static func newestFirst(_ a: Date?, _ b: Date?) -> Bool? {
        switch (a, b) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return nil
        }
    }

    /// What the pane's title and the status line say: `by release` or `by release, reversed`.
    static func summary(_ label: String, descending: Bool) -> String {
        "by \(label)" + (descending ? ", reversed" : "")
    }
}

extension CaseIterable where Self: Equatable, AllCases.Index == Int {
    /// The next case, after the last the first: `o`'s step through a table's columns.
    var next: Self {
        let all = Self.allCases
        let i = all.firstIndex(of: self).map { $0 + 1 } ?? 0
        return all[i == all.endIndex ? all.startIndex : i]
    }

    /// The next case whose column is shown (`hidden` says which are not, as `:columns` left
    /// them): sorting by a column you cannot see confuses. `self` when every other is hidden.
    func next(skipping hidden: (Self) -> Bool) -> Self {
        var candidate = next
        while candidate != self, hidden(candidate) { candidate = candidate.next }
        return candidate
    }
}
