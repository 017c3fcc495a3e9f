/// A mouse event the terminal reported, in screen cells (0-based, like `ScreenBuffer`). Pure
/// value, no curses: the terminal layer decodes it, `update` maps it onto the layout
/// (`MouseTarget`), so clicks are tested without a terminal.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The main (left) button went down.
        case press
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// Rows one wheel notch moves the selection or the scroll.
    public static let wheelStep = 3
}
