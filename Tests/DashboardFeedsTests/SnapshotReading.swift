import Dashboard

/// What the feed tests read from a poll's snapshot, each from its pane's part (`TogglesPart`,
/// `SessionsPart`, `LogsPart`, `ErrorsPart`); nil (or empty) when the poll did not read it.
extension DashboardSnapshot {
    var toggles: [ToggleRow]? { self[TogglesPart.self]?.rows }
    var togglesDiscovery: DiscoveryProgress? { self[TogglesPart.self]?.discovery }
    var togglesNewFreshness: Double? { self[TogglesPart.self]?.newToggleFreshness }
    var sessions: [SessionRow]? { self[SessionsPart.self]?.rows }
    var sessionsCount: KeyCount? { self[SessionsPart.self]?.count }
    var newLogLines: [LogLine] { self[LogsPart.self]?.newLines ?? [] }
    var logsPossiblyLost: Int? { self[LogsPart.self]?.possiblyLost }
    var errorCounts: [ToggleCount]? { self[ErrorsPart.self]?.counts }
    var latestErrors: ErrorSearchView? { self[ErrorsPart.self]?.latest }
    var errorsChecked: Bool { self[ErrorsPart.self]?.checked ?? false }
    var refreshedSearch: ErrorSearchView? { self[ErrorsPart.self]?.refreshedSearch }
    var errorGroups: [ErrorGroupRow]? { self[ErrorsPart.self]?.groups }
    var errorRates: [String: ErrorRate]? { self[ErrorsPart.self]?.rates }
}
