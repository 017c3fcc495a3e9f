import Foundation
@testable import Operations
import RedisClient
import Testing

/// The JSON rule (`Encoder.encodeEveryKey`): every printed or stored type writes every key,
/// `null` when absent. Each type is encoded twice, once with every optional set and once with
/// none: the two must have the same keys, and what is absent must be there as null.
@Suite struct EveryKeyEncodingTests {
    /// A printed type with everything set, and with every optional absent.
    struct Pair: Sendable, CustomTestStringConvertible {
        let name: String
        let full: any Encodable & Sendable
        let sparse: any Encodable & Sendable
        var testDescription: String { name }
    }

    static let time = Date(timeIntervalSince1970: 1_714_564_800)
    static let toggle = Toggle(
        key: RedisKey("t"), name: "t",
        pairs: [
            ("toggle", "on"), ("releaseNum", "1.2"), ("fingerprint", "Ann"), ("override", "sso"),
        ])!
    static let bareToggle = Toggle(key: RedisKey("t"), name: "t", pairs: [("toggle", "on")])!
    static let audit = AuditEntry(time: "2026-01-01T00:00:00Z", actor: "a", toggle: "t", old: "off", new: "on", reason: "why")
    static let record = ErrorRecord(id: "t:01-01-26-00-00-00", key: "error:t:01-01-26-00-00-00", time: time)
    static let bareRecord = ErrorRecord(id: "t:x", key: "error:t:x")

    static let pairs: [Pair] = [
        Pair(
            name: "FlipResult",
            full: {
                var r = FlipResult(toggle: toggle, old: "off", new: "on", audit: audit)
                r.logFailure = "x"
                return r
            }(),
            sparse: FlipResult(toggle: bareToggle, old: "on", new: "on", audit: nil)),
        Pair(name: "Toggle", full: toggle, sparse: bareToggle),
        Pair(name: "AuditEntry", full: audit, sparse: AuditEntry(unparsed: "garbage")),
        Pair(
            name: "ErrorCount", full: ErrorCount(count: 1, backend: .search1, notice: "n"), sparse: ErrorCount(count: 1, backend: .search1)),
        Pair(
            name: "ErrorSearchResult.Backend", full: ErrorSearchResult.Backend.clientSide(scanned: 3, truncated: true),
            sparse: ErrorSearchResult.Backend.search2),
        Pair(
            name: "ErrorSearchResult", full: ErrorSearchResult(total: 1, records: [record], backend: .search1, notice: "n"),
            sparse: ErrorSearchResult(total: 0, records: [], backend: .search1)),
        Pair(name: "ErrorRecord", full: record, sparse: bareRecord),
        Pair(name: "SearchModule", full: SearchModule(generation: .v2, version: 21_005), sparse: SearchModule(generation: .none)),
        Pair(
            name: "LogEntry", full: LogEntry(source: "s", severity: .error, message: "m", timestamp: time, raw: "r", key: "k"),
            sparse: LogEntry(source: "s", severity: .error, message: "m", timestamp: nil, raw: "r", key: "k")),
        Pair(
            name: "LogLoss", full: LogLoss(key: "k", source: "s", severity: .error, newEntries: 3, estimatedLost: 2),
            sparse: LogLoss(key: "k", source: "s", severity: .error, newEntries: 3, estimatedLost: nil)),
        Pair(
            name: "Session", full: Session(key: RedisKey("session:1"), fields: [SessionField(name: "authType", value: "sso")], ttl: 5),
            sparse: Session(key: RedisKey("session:1"), fields: [], ttl: nil)),
        Pair(name: "DecisionReason", full: DecisionReason.targeted(authType: "sso"), sparse: DecisionReason.disabled),
        Pair(
            name: "ToggleDecision", full: ToggleDecision(toggle: "t", enabled: true, reason: .enabledForAll),
            sparse: ToggleDecision(toggle: "t", enabled: nil, reason: .unknownValue(raw: "maybe"))),
        Pair(name: "IncidentReport", full: incident(full: true), sparse: incident(full: false)),
        Pair(
            name: "IncidentReport.Change",
            full: IncidentReport.Change(toggle: "t", actor: "a", time: time, old: "off", new: "on", reason: "r"),
            sparse: IncidentReport.Change(toggle: "t", actor: "a", time: time, old: "off", new: "on", reason: nil)),
        Pair(
            name: "IncidentReport.Group",
            full: IncidentReport.Group(
                toggle: "t", exception: "e", signature: "s", count: 1, firstSeen: time, lastSeen: time, sample: record),
            sparse: IncidentReport.Group(toggle: "t", exception: "e", signature: "s", count: 1, firstSeen: nil, lastSeen: nil, sample: nil)),
        Pair(
            name: "IncidentReport.LogLine", full: IncidentReport.LogLine(source: "s", severity: "error", time: time, message: "m"),
            sparse: IncidentReport.LogLine(source: "s", severity: "error", time: nil, message: "m")),
        Pair(
            name: "ToggleErrorTotal", full: ToggleErrorTotal(toggle: "t", count: 2, firstSeen: time, lastSeen: time),
            sparse: ToggleErrorTotal(toggle: "t", count: 0)),
    ]

    static func incident(full: Bool) -> IncidentReport {
        IncidentReport(
            generatedAt: time, since: time, toggle: full ? "t" : nil, endpoints: [], serverVersion: full ? "7.0" : nil,
            searchBackend: "none", changes: [], groups: [], logs: [], notes: [])
    }

    /// The top-level object `value` encodes to, as the CLI writes it.
    static func object(_ value: any Encodable) throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(String(decoding: data, as: UTF8.self))")
    }

    @Test(arguments: pairs) func everyKeyPresentNullWhenAbsent(_ pair: Pair) throws {
        let full = try Self.object(pair.full)
        let sparse = try Self.object(pair.sparse)
        #expect(!full.isEmpty)
        #expect(Set(sparse.keys) == Set(full.keys), "keys missing when absent: \(Set(full.keys).subtracting(sparse.keys).sorted())")
        let nulls = sparse.filter { $0.value is NSNull }.map(\.key)
        #expect(!nulls.isEmpty, "the sparse value sets no key to null: it tests nothing")
    }
}
