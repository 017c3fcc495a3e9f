/// What `y` copies in the Toggles pane: the selected toggle's name; in its detail,
/// `name=value` (the value as the hash holds it). Pure; main queue.
extension TogglesPane {
    static func copiedItem(_ state: AppState) -> CopiedItem? {
        if let name = state.toggles.detail?.name {
            guard let row = state.toggles.rows.first(where: { $0.name == name }) else {
                return CopiedItem(label: name, text: name)
            }
            let pair = "\(name)=\(row.rawValue)"
            return CopiedItem(label: pair, text: pair)
        }
        return state.toggles.selectedRow.map { CopiedItem(label: $0.name, text: $0.name) }
    }
}
