/// Limits of the settings that can come from a flag or from the config file, with the wording
/// both use, so `--interval 0` and `interval: 0` are refused by the same rule in the same words.
/// A pure namespace; thread-safe.
public enum SettingLimits {
    /// Seconds between dashboard polls.
    public static let interval: ClosedRange<Double> = 0.05...3600
    /// Seconds to wait to connect and for each reply.
    public static let timeout: ClosedRange<Double> = 0.001...3600
    /// TCP ports.
    public static let port: ClosedRange<Int> = 1...65_535

    /// What is wrong with an interval, or nil: "must be between 0.05 and 3600 seconds".
    public static func intervalProblem(_ seconds: Double) -> String? {
        interval.contains(seconds) ? nil : "must be between 0.05 and 3600 seconds"
    }

    /// What is wrong with a timeout, or nil.
    public static func timeoutProblem(_ seconds: Double) -> String? {
        timeout.contains(seconds) ? nil : "must be between 0 and 3600 seconds"
    }

    /// What is wrong with a port, or nil.
    public static func portProblem(_ port: Int) -> String? {
        SettingLimits.port.contains(port) ? nil : "must be between 1 and 65535"
    }

    /// What is wrong with a count that must be at least 1 (audit-cap, scan-count), or nil.
    public static func countProblem(_ count: Int) -> String? {
        count >= 1 ? nil : "must be 1 or more"
    }
}
