/// One entry of the keymap: keys, the action they trigger, where, and the text the help overlay
/// shows. Data, so the help is generated from the same table the update code uses.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: KeyAction
    public var description: String
    public var context: KeyContext

    public init(_ keys: [Key], _ action: KeyAction, _ description: String, context: KeyContext) {
        self.keys = keys
        self.action = action
        self.description = description
        self.context = context
    }

    /// Keys as the help shows them, e.g. `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}
