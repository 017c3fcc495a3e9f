/// How many error records name a toggle. A plain value.
public struct ToggleCount: Hashable, Sendable {
    public var toggle: String
    public var count: Int

    public init(toggle: String, count: Int) {
        self.toggle = toggle
        self.count = count
    }
}
