#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The moment by which a whole command (`opsdeck toggles list --timeout 2`) must be done:
/// connecting, every round trip and every reconnect count against it, unlike the per-read
/// `readTimeout`. A link that sends one byte every 20 ms never trips a read timeout but does
/// trip this. Value type; thread-safe.
public struct CommandDeadline: Sendable, Hashable {
    /// Monotonic seconds (CLOCK_MONOTONIC) at which the command is out of time.
    public let at: Double
    /// The budget it was made with, for messages.
    public let seconds: Double

    public init(seconds: Double, from start: Double = CommandDeadline.now()) {
        self.seconds = seconds
        at = start + seconds
    }

    /// Seconds left (negative once passed).
    public var remaining: Double { at - Self.now() }

    public var hasPassed: Bool { remaining <= 0 }

    /// The error of a command that ran out of time at `endpoint`.
    public func passed(at endpoint: String) -> RedisError {
        .timeout(endpoint: endpoint, detail: "the command did not finish within its deadline of \(Self.format(seconds))s")
    }

    public static func now() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
