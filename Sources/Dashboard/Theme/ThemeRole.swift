/// What a piece of the screen means, so themes style meanings rather than widgets. The raw
/// value is the key used in theme files.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable, Codable {
    case text, muted, border, borderFocused, title, titleFocused, header, selection
    case toggleOn, toggleOff, toggleUnknown
    case sevDebug, sevInfo, sevWarning, sevError, sevCritical
    case highlight, statusBar, badgeReadOnly, badgePaused, badgeStale, changedFlash
    case dialog, dialogBorder, input, error, tabActive, tabInactive
}
