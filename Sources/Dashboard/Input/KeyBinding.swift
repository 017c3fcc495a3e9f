/// One entry of the keymap: keys, the action they trigger, where, the text the help overlay
/// shows and the short word the hint row shows. Data, so the help, the hint row and the dialog
/// hints are generated from the same table the update code uses.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var action: KeyAction
    public var description: String
    public var context: KeyContext
    /// The hint row's word for it ("flip", "details"), as lazygit's bindings carry one.
    public var hint: String?
    /// The keys the hint row names, when not `keyLabel` ("j/k" for a pair of bindings).
    public var hintKeys: String?

    public init(
        _ keys: [Key], _ action: KeyAction, _ description: String, context: KeyContext, hint: String? = nil,
        hintKeys: String? = nil
    ) {
        self.keys = keys
        self.action = action
        self.description = description
        self.context = context
        self.hint = hint
        self.hintKeys = hintKeys
    }

    /// Keys as the help shows them, e.g. `j/↓`.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}
