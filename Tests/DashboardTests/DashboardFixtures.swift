import Foundation
@testable import Dashboard

/// Literal data for the app-core tests: a fixed clock, a small release-state world, and helpers
/// to drive `update` and render screens.
enum Fixtures {
    /// 2026-11-26 18:03:33 UTC.
    static let t0 = Date(timeIntervalSince1970: 1_795_716_213)
    static let utc = TimeZone(identifier: "UTC")!

    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static let toggles: [ToggleRow] = [
        ToggleRow(
            name: "useNewAlgorithm", rawValue: "True", status: .on, releaseNum: "2.5", fingerprint: "John S",
            override: "fb-user", lastChange: AuditSummary(actor: "alice", time: at(-120), old: "False", new: "True"),
            flipTarget: "False"),
        ToggleRow(
            name: "darkMode", rawValue: "off", status: .off, releaseNum: "2.10", fingerprint: "Stephanie B",
            flipTarget: "on"),
        ToggleRow(
            name: "betaCheckout", rawValue: "1", status: .on, releaseNum: "10.0", fingerprint: "John S,Stephanie B",
            flipTarget: "0"),
        ToggleRow(name: "legacyPayments", rawValue: "maybe", status: .unknown, releaseNum: "1.9"),
    ]

    static let sessions: [SessionRow] = [
        SessionRow(
            key: "session:4156e021:1234",
            fields: [
                FieldRow(name: "name", value: "John Smith"), FieldRow(name: "email", value: "john.smith@jsmith.com"),
                FieldRow(name: "phone", value: "718-111-2222"), FieldRow(name: "authType", value: "fb-user"),
            ],
            ttl: 3_600, authType: "fb-user"),
        SessionRow(
            key: "session:99aa:77", fields: [FieldRow(name: "name", value: "Ana Lee"), FieldRow(name: "authType", value: "email")],
            ttl: nil, authType: "email"),
    ]

    static let errorRows: [ErrorRow] = [
        ErrorRow(
            id: "useNewAlgorithm:03-12-19-10-32-05", time: Date(timeIntervalSince1970: 1_552_386_725),
            toggleName: "useNewAlgorithm", toggleValue: "True", fingerprint: "John S,Stephanie B",
            firstLine: "ArrayIndexOutOfBoundsException: 5", frame: "Algo.java:42",
            body:
                "Exception in thread \"main\" java.lang.ArrayIndexOutOfBoundsException: 5\n\tat Algo.run(Algo.java:42)\n\tat Main.main(Main.java:7)"
        )
    ]

    static let server = ServerInfo(
        contextName: "staging", endpoint: "127.0.0.1:6379", version: "7.0.15",
        searchModule: "RediSearch 1.x")

    static func log(_ source: String, _ level: LogLevel, _ message: String, _ offset: Double) -> LogLine {
        LogLine(source: source, severity: level, message: message, timestamp: at(offset))
    }

    static func snapshot(
        toggles: [ToggleRow]? = Fixtures.toggles, logs: [LogLine] = [], lost: Int? = nil,
        server: ServerInfo = Fixtures.server
    ) -> DashboardSnapshot {
        DashboardSnapshot(
            toggles: toggles, sessions: sessions, sessionsCount: .exact(2), newLogLines: logs,
            logsPossiblyLost: lost, logsLostIsEstimate: true,
            errorCounts: [ToggleCount(toggle: "useNewAlgorithm", count: 3), ToggleCount(toggle: "darkMode", count: 1)],
            server: server, commandsPerSecond: 42)
    }

    /// A state after one successful poll at t0, with `now` = t0.
    static func loaded(
        width: Int = 80, height: Int = 24, server: ServerInfo = Fixtures.server,
        logs: [LogLine] = []
    ) -> AppState {
        var s = AppState(now: t0, width: width, height: height, server: server, timeZone: utc)
        _ = update(&s, .pollSucceeded(snapshot(logs: logs, server: server), duration: 0.012, at: t0))
        return s
    }

    /// The buffer as text with trailing blanks cut from each row, for literal pictures that
    /// survive editors trimming whitespace.
    static func picture(_ b: ScreenBuffer) -> String {
        b.lines().map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }.joined(separator: "\n")
    }

    static func screen(_ state: AppState, theme: Theme = .monochrome) -> ScreenBuffer {
        var b = ScreenBuffer(width: state.width, height: state.height)
        render(state, theme: theme, into: &b)
        return b
    }
}

extension AppState {
    /// Sends keys one by one; returns all effects.
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    /// Types text as character keys.
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { update(&self, .key(.char($0))) }
    }
}
