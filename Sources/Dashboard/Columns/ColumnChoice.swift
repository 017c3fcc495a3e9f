/// Which columns the person hid, per table (`:columns NAME` hides or shows one; issue 25). The
/// executable remembers it across runs under the XDG state directory (`ColumnStore`). A plain,
/// Codable value owned by `AppState` on the main queue.
public struct ColumnChoice: Hashable, Sendable, Codable {
    /// Table name (`ChooserColumns.table`) → the hidden columns' names (`key(_:)`).
    public var hidden: [String: Set<String>] = [:]

    public init(hidden: [String: Set<String>] = [:]) { self.hidden = hidden }

    /// A column's name as typed and stored: lowercase letters and digits only, so the header
    /// `Last change▼` and the word `lastchange` (or `last-change`) are the same column.
    static func key(_ title: String) -> String {
        String(title.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    func hides(_ title: String, in table: String) -> Bool {
        hidden[table]?.contains(Self.key(title)) ?? false
    }

    /// Hides `title` in `table`, or shows it again; returns true when it is now hidden.
    mutating func toggle(_ title: String, in table: String) -> Bool {
        let key = Self.key(title)
        if hidden[table, default: []].remove(key) != nil {
            if hidden[table]?.isEmpty ?? false { hidden[table] = nil }
            return false
        }
        hidden[table, default: []].insert(key)
        return true
    }

    /// The positions of `titles` to draw in `table`: all but the hidden ones and those in
    /// `empty` (a column with nothing to show gives way before any text is cut; issue 25);
    /// `primary` (the row's identity) and untitled columns (the marker) always stay.
    func shown(_ titles: [String], in table: String, primary: String, empty: Set<Int> = []) -> [Int] {
        titles.indices.filter { i in
            titles[i].isEmpty || Self.key(titles[i]) == Self.key(primary) || !(hides(titles[i], in: table) || empty.contains(i))
        }
    }
}

/// What a pane offers the column chooser: the table's name (where the choice is kept), its
/// column titles as drawn, and the one that cannot be hidden. Plain value.
struct ChooserColumns: Hashable {
    var table: String
    var titles: [String]
    var primary: String
}

extension Table {
    /// The same table with only the columns at `indices` (and those cells of each row).
    func only(_ indices: [Int]) -> Table {
        guard indices.count != columns.count else { return self }
        var copy = self
        let all = row
        copy.columns = indices.map { columns[$0] }
        copy.row = { i in
            let r = all(i)
            return TableRow(indices.compactMap { $0 < r.cells.count ? r.cells[$0] : nil }, style: r.style)
        }
        return copy
    }
}
