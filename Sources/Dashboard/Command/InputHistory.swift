/// Lines entered before in one prompt (the `:` line, a pane's filter or search), oldest first,
/// and where ↑/↓ (or Ctrl-P/Ctrl-N) is while walking them. A plain value owned by `AppState`
/// on the main queue; at most `limit` lines, the same line never twice in a row.
public struct InputHistory: Hashable, Sendable {
    public private(set) var entries: [String] = []
    /// Where the walk is in `entries` (nil: at the text being typed).
    var index: Int?
    public let limit: Int

    public init(_ entries: [String] = [], limit: Int = 100) {
        self.limit = limit
        self.entries = Array(entries.filter { !$0.isEmpty }.suffix(limit))
    }

    mutating func remember(_ line: String) {
        index = nil
        guard !line.isEmpty, entries.last != line else { return }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
    }

    /// One step earlier or later: the line to show, "" below the newest, nil when nothing moves.
    mutating func walk(earlier: Bool) -> String? {
        guard !entries.isEmpty else { return nil }
        switch (index, earlier) {
        case (nil, true): index = entries.count - 1
        case (nil, false): return nil
        case (let i?, true): index = max(0, i - 1)
        case (let i?, false): index = i + 1 < entries.count ? i + 1 : nil
        }
        return index.map { entries[$0] } ?? ""
    }

    mutating func stopWalking() { index = nil }
}
