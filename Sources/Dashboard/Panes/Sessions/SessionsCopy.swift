/// What `y` copies in the Sessions pane: the session's key (the open detail's, else the
/// selected row's). Pure; main queue.
extension SessionsPane {
    static func copiedItem(_ state: AppState) -> CopiedItem? {
        guard let key = state.sessions.detail?.key ?? state.sessions.selectedRow?.key else { return nil }
        return CopiedItem(label: key, text: key)
    }
}
