/// What `y` copies in the Logs pane: the log line as it was written (the open detail's, else
/// the line at the bottom of the view, the one Enter opens). Pure; main queue.
extension LogsPane {
    static func copiedItem(_ state: AppState) -> CopiedItem? {
        guard let line = state.logs.detail ?? state.logs.lineAtBottom() else { return nil }
        return CopiedItem(label: "a \(line.source) log line", text: line.raw)
    }
}
