/// A run of text in one style. A plain value.
///
/// The text is drawn as given (the buffer still replaces control characters), so text from
/// Redis should pass through `SafeText` first.
public struct Span: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var width: Int { TextWidth.of(text) }
}
