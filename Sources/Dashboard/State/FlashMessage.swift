import Foundation

/// A one-line message in the key-hint row (e.g. "read-only: flips are disabled") that
/// disappears at `expires`. A plain value.
public struct FlashMessage: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public var expires: Date

    public init(text: String, isError: Bool, expires: Date) {
        self.text = text
        self.isError = isError
        self.expires = expires
    }
}
