import Foundation

/// The errors part of the toggle detail: how many are recorded for the toggle (all time), its
/// newest errors, or why they could not be read. Read with the whole detail, and again on its
/// own when the toggle's error figures move while the detail is open
/// (`ToggleDetailFreshness`), so the detail never sets an old count beside a live one. A plain
/// value.
public struct ToggleDetailErrors: Hashable, Sendable {
    /// Errors recorded for this toggle (nil when they could not be counted, see `note`).
    public var count: Int?
    public var recent: [ErrorRow]
    public var note: String?

    public init(count: Int?, recent: [ErrorRow], note: String?) {
        self.count = count
        self.recent = recent
        self.note = note
    }
}

extension ToggleDetail {
    /// The detail with `errors` in place of what it read before.
    public mutating func take(_ errors: ToggleDetailErrors) {
        errorCount = errors.count
        recentErrors = errors.recent
        errorsNote = errors.note
    }
}
