import Foundation

/// One entry of the flip audit trail: who flipped which toggle from what to what, when and why.
///
/// Stored in Redis as one compact JSON object per list element, keys sorted:
/// `{"actor":…,"id":…,"new":…,"old":…,"reason":…|null,"time":"2026-11-26T18:03:33Z","toggle":…}`.
/// `id` is the flip's own id (issue 29: a flip whose reply was lost looks for it); entries
/// written before it existed have none and read as before.
/// An element that is not such an object is kept, not dropped: `unparsed` holds its text and
/// the other fields are empty. A `Sendable` value.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// ISO-8601 UTC, second precision.
    public var time: String
    public var actor: String
    public var toggle: String
    public var old: String
    public var new: String
    public var reason: String?
    /// The id of the flip that wrote this entry (nil for entries written before flips had ids).
    public var id: String?
    /// The stored text when it was not a valid entry; nil for every entry opsdeck can read.
    public var unparsed: String?
    /// For a change opsdeck did not make but saw (issue 24): the opsdeck that saw it
    /// (`ObservedChange`); `actor` is then `AuditEntry.outside`. Stored as `seen_by`, only on
    /// such entries, so every other entry keeps its exact shape.
    public var seenBy: String?
    /// True for an observation a read-only dashboard keeps in memory only: never stored.
    public var notRecorded = false

    /// The actor of an observed change: nobody opsdeck knows.
    public static let outside = "outside opsdeck"
    /// Whether opsdeck saw this change rather than made it.
    public var isObserved: Bool { seenBy != nil }

    public init(time: String, actor: String, toggle: String, old: String, new: String, reason: String?, id: String? = nil) {
        self.id = id
        self.time = time
        self.actor = actor
        self.toggle = toggle
        self.old = old
        self.new = new
        self.reason = reason
        self.unparsed = nil
    }

    /// An element of the audit list that could not be read as an entry.
    public init(unparsed text: String) {
        self.init(time: "", actor: "", toggle: "", old: "", new: "", reason: nil)
        unparsed = text
    }

    public var isValid: Bool { unparsed == nil }
    public var date: Date? { AsctimeTimestamp.parseISO8601(time) }

    /// Reads one element of the audit list; anything else becomes an `unparsed` entry.
    public init(stored text: String) {
        guard let data = text.data(using: .utf8),
            let stored = try? JSONDecoder().decode(Stored.self, from: data)
        else {
            self.init(unparsed: text)
            return
        }
        self.init(
            time: stored.time, actor: stored.actor, toggle: stored.toggle,
            old: stored.old, new: stored.new, reason: stored.reason, id: stored.id)
        seenBy = stored.seenBy
    }

    /// The compact JSON written into Redis (without `unparsed`).
    public func storedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let stored = Stored(time: time, actor: actor, toggle: toggle, old: old, new: new, reason: reason, id: id, seenBy: seenBy)
        // Encoding plain strings cannot fail; an empty object would still be a visible entry.
        let data = (try? encoder.encode(stored)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The stored shape; `reason` is written as null when absent so every entry has every key.
    struct Stored: Codable {
        var time: String
        var actor: String
        var toggle: String
        var old: String
        var new: String
        var reason: String?
        var id: String?
        var seenBy: String?

        enum CodingKeys: String, CodingKey {
            case time, actor, toggle, old, new, reason, id
            case seenBy = "seen_by"
        }
        /// Every key a stored entry always has (null when absent).
        enum Always: String, CodingKey, CaseIterable { case time, actor, toggle, old, new, reason, id }

        func encode(to encoder: any Encoder) throws {
            // Only observed entries carry `seen_by`: a flip's entry keeps the shape it always had.
            if let seenBy {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(seenBy, forKey: .seenBy)
            }
            try encoder.encodeEveryKey(Always.self) { jsonKey in
                switch jsonKey {
                case .time: time
                case .actor: actor
                case .toggle: toggle
                case .old: old
                case .new: new
                case .reason: reason
                case .id: id
                }
            }
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case time, actor, toggle, old, new, reason, unparsed, id
        case seenBy = "seen_by"
    }

    // CLI JSON: every key always present (null when absent), so scripts can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .time: time
            case .actor: actor
            case .toggle: toggle
            case .old: old
            case .new: new
            case .reason: reason
            case .unparsed: unparsed
            case .id: id
            case .seenBy: seenBy
            }
        }
    }
}
