/// One field of a session hash, in the order Redis returned it. A plain value.
public struct FieldRow: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
