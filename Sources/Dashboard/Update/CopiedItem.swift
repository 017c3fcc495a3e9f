/// What the `y` key copies: the text for the clipboard, exactly as the data holds it, and a
/// short name for the message on screen (made safe there). Each pane says what its selection
/// is (`PaneBehavior.copiedItem`). A plain value.
public struct CopiedItem: Hashable, Sendable {
    /// What the message calls it ("session:abc", "the exception of 1712-3").
    public var label: String
    /// The text for the clipboard, as it is (it reaches the clipboard, never the screen).
    public var text: String

    public init(label: String, text: String) {
        self.label = label
        self.text = text
    }
}

extension AppState {
    /// `y`: the focused pane's selected item goes to the clipboard as an `Effect.copy`, and the
    /// status line says what (through SafeText: the label comes from Redis) and how many bytes.
    mutating func copySelection() -> [Effect] {
        guard let item = focus.behavior.copiedItem(self) else {
            say("Nothing selected to copy")
            return []
        }
        guard copyEnabled else {
            say("Copying is off (copy: off in the config)", error: true)
            return []
        }
        let bytes = item.text.utf8.count
        say("copied \(SafeText.line(item.label, width: 60)) (\(bytes) byte\(bytes == 1 ? "" : "s"))")
        return [.copy(text: item.text)]
    }
}
