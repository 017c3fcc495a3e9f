/// A toggle's value for one session, with the reason. `enabled` is nil when the toggle's value
/// is unknown (never guessed as off). A `Sendable` value.
public struct ToggleDecision: Sendable, Hashable, Codable {
    public let toggle: String
    public let enabled: Bool?
    public let reason: DecisionReason

    public init(toggle: String, enabled: Bool?, reason: DecisionReason) {
        self.toggle = toggle
        self.enabled = enabled
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case toggle, enabled, reason }

    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeEveryKey(CodingKeys.self) { jsonKey in
            switch jsonKey {
            case .toggle: toggle
            case .enabled: enabled
            case .reason: reason
            }
        }
    }
}
