/// Why a toggle is on or off for a session (see `FeatureRule`).
///
/// JSON: `{"kind": "disabled" | "enabledForAll" | "targeted" | "notTargeted" | "unknownValue",
/// "detail": String | null}` — detail is the session's authType (targeted, notTargeted; null
/// when the session has none) or the toggle's raw value (unknownValue).
public enum DecisionReason: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The toggle is off: off for everyone.
    case disabled
    /// The toggle is on with no audience: on for everyone.
    case enabledForAll
    /// The toggle is on for an audience the session's authType belongs to.
    case targeted(authType: String)
    /// The toggle is on for audiences the session is not in (nil: the session has no authType).
    case notTargeted(authType: String?)
    /// The toggle's value is not a known spelling: no decision, shown as such.
    case unknownValue(raw: String)

    public var kind: String {
        switch self {
        case .disabled: return "disabled"
        case .enabledForAll: return "enabledForAll"
        case .targeted: return "targeted"
        case .notTargeted: return "notTargeted"
        case .unknownValue: return "unknownValue"
        }
    }

    public var detail: String? {
        switch self {
        case .disabled, .enabledForAll: return nil
        case .targeted(let authType): return authType
        case .notTargeted(let authType): return authType
        case .unknownValue(let raw): return raw
        }
    }

    /// "disabled", "enabled for all", "targeted: authType=fb-user", "not targeted: authType=web",
    /// "not targeted: no authType", "unknown value: maybe".
    public var description: String {
        switch self {
        case .disabled: return "disabled"
        case .enabledForAll: return "enabled for all"
        case .targeted(let authType): return "targeted: authType=\(authType)"
        case .notTargeted(let authType): return "not targeted: " + (authType.map { "authType=\($0)" } ?? "no authType")
        case .unknownValue(let raw): return "unknown value: \(raw)"
        }
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case kind, detail }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .kind: kind
            case .detail: detail
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let detail = try container.decodeIfPresent(String.self, forKey: .detail)
        switch try container.decode(String.self, forKey: .kind) {
        case "disabled": self = .disabled
        case "enabledForAll": self = .enabledForAll
        case "targeted": self = .targeted(authType: detail ?? "")
        case "notTargeted": self = .notTargeted(authType: detail)
        default: self = .unknownValue(raw: detail ?? "")
        }
    }
}
