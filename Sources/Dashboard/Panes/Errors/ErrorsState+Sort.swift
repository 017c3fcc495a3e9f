/// `o` and `O` in the Errors pane: the groups and the errors each have their own order, kept
/// across polls and searches (the stored lists re-sort as they arrive, see `ErrorsState`); the
/// selection stays on the same group or error. Pure; main queue.
extension ErrorsState {
    /// `o` (next column) or `O` (reverse) on the table shown now.
    /// `o` (the next shown column, as `choice` leaves them) or `O` (the same column reversed).
    mutating func sort(reversing: Bool, choice: ColumnChoice = ColumnChoice()) {
        if showsGroups {
            let keep = selectedGroup?.id
            let current = groupSort ?? .count
            groupSort = reversing ? current : current.next(skipping: { choice.hides($0.title, in: "error groups") })
            groupDescending = reversing ? !groupDescending : false
            let stored = groups
            groups = stored
            if let keep, let index = groups?.firstIndex(where: { $0.id == keep }) { groupTable.selected = index }
        } else {
            let keep = selectedRow?.id
            let current = rowSort ?? .when
            rowSort = reversing ? current : current.next(skipping: { choice.hides($0.title, in: "errors") })
            rowDescending = reversing ? !rowDescending : false
            let (stored, open) = (result, openGroup)
            result = stored
            openGroup = open
            if let keep, let index = rows.firstIndex(where: { $0.id == keep }) { table.selected = index }
        }
    }

    /// `by toggle, reversed` for the table shown now; nil while it is as read.
    var sortSummary: String? {
        if showsGroups { return groupSort.map { TableSorting.summary($0.label, descending: groupDescending) } }
        return rowSort.map { TableSorting.summary($0.label, descending: rowDescending) }
    }
}
