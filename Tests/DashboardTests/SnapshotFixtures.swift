import Dashboard
import Foundation

/// A snapshot spelled field by field, as the tests build them: each argument lands in its
/// pane's part (`TogglesPart`, `SessionsPart`, `LogsPart`, `ErrorsPart`).
extension DashboardSnapshot {
    init(
        toggles: [ToggleRow]? = nil, sessions: [SessionRow]? = nil, sessionsCount: KeyCount? = nil,
        newLogLines: [LogLine] = [], logsPossiblyLost: Int? = nil, logsLostIsEstimate: Bool = true,
        errorCounts: [ToggleCount]? = nil, latestErrors: ErrorSearchView? = nil, server: ServerInfo? = nil,
        commandsPerSecond: Double? = nil, errorsChecked: Bool = false, refreshedSearch: ErrorSearchView? = nil,
        notPermitted: [DataPart: String]? = nil
    ) {
        self.init(server: server, commandsPerSecond: commandsPerSecond, notPermitted: notPermitted)
        self[TogglesPart.self] = TogglesPart(rows: toggles)
        self[SessionsPart.self] = SessionsPart(rows: sessions, count: sessionsCount)
        self[LogsPart.self] = LogsPart(newLines: newLogLines, possiblyLost: logsPossiblyLost, lostIsEstimate: logsLostIsEstimate)
        self[ErrorsPart.self] = ErrorsPart(
            counts: errorCounts, latest: latestErrors, checked: errorsChecked,
            refreshedSearch: refreshedSearch)
    }

    var sessionsCount: KeyCount? {
        get { self[SessionsPart.self]?.count }
        set { self[SessionsPart.self, default: SessionsPart()].count = newValue }
    }

    var togglesDiscovery: DiscoveryProgress? {
        get { self[TogglesPart.self]?.discovery }
        set { self[TogglesPart.self, default: TogglesPart()].discovery = newValue }
    }

    var errorGroups: [ErrorGroupRow]? {
        get { self[ErrorsPart.self]?.groups }
        set { self[ErrorsPart.self, default: ErrorsPart()].groups = newValue }
    }

    var errorRates: [String: ErrorRate]? {
        get { self[ErrorsPart.self]?.rates }
        set { self[ErrorsPart.self, default: ErrorsPart()].rates = newValue }
    }

    var sessions: [SessionRow]? { self[SessionsPart.self]?.rows }
}
