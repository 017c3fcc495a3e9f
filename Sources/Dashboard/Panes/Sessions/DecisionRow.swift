/// One toggle evaluated for one session: on/off (nil when the value is unknown) and why, e.g.
/// "targeted: authType=fb-user", "not targeted", "disabled", "enabled for all". A plain value.
public struct DecisionRow: Hashable, Sendable {
    public var toggle: String
    public var enabled: Bool?
    public var reason: String

    public init(toggle: String, enabled: Bool?, reason: String) {
        self.toggle = toggle
        self.enabled = enabled
        self.reason = reason
    }
}
