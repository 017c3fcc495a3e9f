/// What `y` copies in the Errors pane: in the detail, the whole exception (its body, every
/// line); in the list, the selected error's id; on a group, its fingerprint. Pure; main queue.
extension ErrorsPane {
    static func copiedItem(_ state: AppState) -> CopiedItem? {
        let errors = state.errors
        if let detail = errors.detail {
            return CopiedItem(label: "the exception of \(detail.id)", text: detail.body)
        }
        if errors.showsGroups {
            return errors.selectedGroup.map { CopiedItem(label: "the signature \($0.id)", text: $0.id) }
        }
        return errors.selectedRow.map { CopiedItem(label: $0.id, text: $0.id) }
    }
}
