/// The live log tail: a bounded buffer of entries, follow/pause, and the filter. A plain value
/// owned by `AppState` on the main queue.
public struct LogsState: PaneState {
    public static var pane: Pane { .logs }

    /// Oldest first. Never longer than `capacity`: the oldest entries fall off.
    public private(set) var entries: [TailEntry] = []
    public let capacity: Int
    /// While paused the view stays put and `newWhilePaused` counts what arrived meanwhile.
    public private(set) var paused = false
    public private(set) var newWhilePaused = 0
    /// Rows (of the filtered tail) between the bottom of the view and the newest entry.
    public var scrollBack = 0
    public var filterInput = TextInput()
    public var editingFilter = false
    public var minLevel: LogLevel = .debug
    /// Long lines wrap onto the next rows instead of being cut at the pane's edge (`w`).
    public var wrap = false
    /// The line shown whole (Enter): the one at the bottom of the view when it was opened.
    public var detail: LogLine?
    public var detailScroll = 0

    public init() { self.init(capacity: 5_000) }

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var filter: TailFilter { TailFilter(parsing: filterInput.text, minLevel: minLevel) }

    /// The entries the filter lets through, oldest first.
    public var filtered: [TailEntry] {
        let f = filter
        return f.isEmpty ? entries : entries.filter { f.matches($0) }
    }

    /// Adds a poll's new lines (oldest first), preceded by a loss marker when the poller saw a
    /// gap. While paused the view is held still by growing `scrollBack` by what it lets through.
    public mutating func append(_ lines: [LogLine], lost: Int?, lostIsEstimate: Bool) {
        var added: [TailEntry] = []
        if let lost, lost > 0 { added.append(.lost(count: lost, estimate: lostIsEstimate)) }
        added.append(contentsOf: lines.map(TailEntry.line))
        guard !added.isEmpty else { return }
        entries.append(contentsOf: added)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        if paused {
            let f = filter
            let shown = added.filter { f.matches($0) }.count
            newWhilePaused += lines.count
            scrollBack += shown
        }
    }

    /// The line at the bottom of the view (the newest, or the one scrolled back to), if any.
    public func lineAtBottom() -> LogLine? {
        let shown = filtered
        let bottom = shown.count - scrollBack - 1
        guard bottom >= 0, bottom < shown.count else { return nil }
        for entry in shown[...bottom].reversed() {
            if case .line(let line) = entry { return line }
        }
        return nil
    }

    public mutating func pause() {
        paused = true
    }

    /// Back to following the newest line.
    public mutating func resume() {
        paused = false
        newWhilePaused = 0
        scrollBack = 0
    }

    /// Scrolling up pauses (the view must not run away while someone reads); scrolling back to
    /// the bottom resumes following.
    public mutating func scroll(by delta: Int, visibleRows: Int) {
        let maxBack = max(0, filtered.count - max(1, visibleRows))
        let target = min(max(0, scrollBack + delta), maxBack)
        if target > 0 {
            if !paused { pause() }
            scrollBack = target
        } else if paused && delta < 0 {
            resume()
        } else {
            scrollBack = 0
        }
    }
}

extension AppState {
    /// The Logs pane's state (kept in `paneStates`).
    public var logs: LogsState {
        get { paneStates[LogsState.self] }
        set { paneStates[LogsState.self] = newValue }
        _modify { yield &paneStates[LogsState.self] }
    }
}
