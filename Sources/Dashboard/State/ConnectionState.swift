import Foundation

/// The poller's connection as the user should see it. A plain value.
public enum ConnectionState: Hashable, Sendable {
    /// No poll has finished yet.
    case connecting
    case connected
    /// The last poll failed; the next try is at `retryAt`. The last good data stays on screen.
    case reconnecting(error: String, retryAt: Date)

    public var isConnected: Bool { self == .connected }
}
