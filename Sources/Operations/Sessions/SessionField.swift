/// One field of a session hash, as text (invalid UTF-8 replaced, nothing escaped).
public struct SessionField: Sendable, Hashable, Codable {
    public let name: String
    public let value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
