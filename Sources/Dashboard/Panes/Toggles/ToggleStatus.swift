/// What a toggle's raw value means. A plain value.
///
/// Values that are not a known spelling stay `.unknown` and are shown as such — never treated
/// as off, because an unknown value may well be read as "on" by the service.
public enum ToggleStatus: String, Hashable, Sendable, CaseIterable {
    case on, off, unknown
}
