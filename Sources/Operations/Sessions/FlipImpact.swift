/// What flipping a toggle changes for the sessions, counted over the whole keyspace (one full
/// SCAN): turning it on, how many sessions will get it and by which rule; turning it off, how
/// many have it now and lose it. A plain `Sendable` value.
public struct FlipImpact: Sendable, Hashable, Codable {
    public let toggle: String
    public let turningOn: Bool
    /// Sessions that get the toggle after the flip (on) or lose it (off).
    public let affected: Int
    /// All sessions counted.
    public let total: Int
    /// Who the toggle is for when on: nil for everyone, else the audiences of its `override`.
    public let audiences: [String]?
    /// The session field the audiences are matched against (e.g. `authType`).
    public let audienceField: String

    public init(toggle: String, turningOn: Bool, affected: Int, total: Int, audiences: [String]?, audienceField: String) {
        self.toggle = toggle
        self.turningOn = turningOn
        self.affected = affected
        self.total = total
        self.audiences = audiences
        self.audienceField = audienceField
    }

    /// The rule in words: "everyone (no override)" or "authType = email-user, sso-corp".
    public var ruleDescription: String {
        guard let audiences else { return "everyone (no override)" }
        return "\(audienceField) = " + audiences.joined(separator: ", ")
    }
}
