import Foundation

/// What a record's id and toggle field say without its body: which toggle, and when. The
/// overview keeps one per record in the window, so per-toggle counts, rates, sparklines and
/// first/last seen are exact however many bodies were read (issue 23). A plain value; `Sendable`.
public struct ErrorStamp: Sendable, Hashable {
    public var id: String
    public var toggle: String
    public var time: Date?

    public init(id: String, toggle: String, time: Date?) {
        self.id = id
        self.toggle = toggle
        self.time = time
    }

    public init(_ record: ErrorRecord) { self.init(id: record.id, toggle: record.toggleName, time: record.time) }
}

/// One toggle's errors in a window, from every stamp in it: the exact count and first/last seen.
public struct ToggleErrorTotal: Sendable, Hashable, Codable {
    public var toggle: String
    public var count: Int
    public var firstSeen: Date?
    public var lastSeen: Date?

    public init(toggle: String, count: Int, firstSeen: Date? = nil, lastSeen: Date? = nil) {
        self.toggle = toggle
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case toggle, count, firstSeen, lastSeen }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .toggle: toggle
            case .count: count
            case .firstSeen: firstSeen
            case .lastSeen: lastSeen
            }
        }
    }

    /// Each toggle's total among `stamps`, biggest first, then by name.
    public static func of(_ stamps: [ErrorStamp]) -> [ToggleErrorTotal] {
        var totals: [String: ToggleErrorTotal] = [:]
        for stamp in stamps {
            var total = totals[stamp.toggle] ?? ToggleErrorTotal(toggle: stamp.toggle, count: 0)
            total.count += 1
            if let time = stamp.time {
                total.firstSeen = min(total.firstSeen ?? time, time)
                total.lastSeen = max(total.lastSeen ?? time, time)
            }
            totals[stamp.toggle] = total
        }
        return totals.values.sorted { ($1.count, $0.toggle) < ($0.count, $1.toggle) }
    }
}
