/// What a toggle's raw value means: on, off, or a spelling opsdeck does not know.
///
/// `unknown` is deliberately its own state: a value nobody can read is shown as such and is
/// never treated as off (docs/DATA-MODEL.md).
public enum ToggleState: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case on
    case off
    case unknown

    public var description: String { rawValue }

    /// `true` for on, `false` for off, `nil` for unknown.
    public var isOn: Bool? {
        switch self {
        case .on: return true
        case .off: return false
        case .unknown: return nil
        }
    }

    public init(_ on: Bool) { self = on ? .on : .off }
}
