/// Horizontal placement of text inside its area.
public enum Alignment: Hashable, Sendable {
    case left, center, right
}
