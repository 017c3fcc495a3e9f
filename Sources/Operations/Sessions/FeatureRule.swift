/// The feature-context rule (docs/DATA-MODEL.md): which toggles a session gets, and why.
///
/// - a toggle that is off is off for everyone (`disabled`);
/// - a toggle that is on with no `override` (or one with only empty entries) is on for
///   everyone (`enabledForAll`);
/// - a toggle that is on with an `override` — comma-separated audiences, trimmed — is on only
///   for sessions whose `audienceField` (default `authType`) equals one of them exactly
///   (`targeted`), and off for the rest, including sessions without that field (`notTargeted`);
/// - a toggle whose value is not a known spelling gives no decision (`unknownValue`).
///
/// Configurable by the audience field; a pure `Sendable` value.
public struct FeatureRule: Sendable, Hashable {
    public var audienceField: String

    public init(audienceField: String = "authType") { self.audienceField = audienceField }

    public func evaluate(_ toggle: Toggle, audience: String?) -> ToggleDecision {
        switch toggle.state {
        case .unknown:
            return ToggleDecision(toggle: toggle.name, enabled: nil, reason: .unknownValue(raw: toggle.value.raw))
        case .off:
            return ToggleDecision(toggle: toggle.name, enabled: false, reason: .disabled)
        case .on:
            if toggle.audiences.isEmpty {
                return ToggleDecision(toggle: toggle.name, enabled: true, reason: .enabledForAll)
            }
            if let audience, toggle.audiences.contains(audience) {
                return ToggleDecision(toggle: toggle.name, enabled: true, reason: .targeted(authType: audience))
            }
            return ToggleDecision(toggle: toggle.name, enabled: false, reason: .notTargeted(authType: audience))
        }
    }

    public func evaluate(_ toggle: Toggle, for session: Session) -> ToggleDecision {
        evaluate(toggle, audience: session.value(of: audienceField))
    }

    /// Every toggle's decision for a session, in the toggles' order.
    public func decisions(for session: Session, toggles: [Toggle]) -> [ToggleDecision] {
        toggles.map { evaluate($0, for: session) }
    }
}
