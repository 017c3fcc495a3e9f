/// How many sessions a toggle reaches under the feature rule, out of all sessions scanned.
/// Counted over one full SCAN: sessions created or expiring meanwhile may or may not count.
public struct BlastRadius: Sendable, Hashable, Codable {
    public let toggle: String
    public let reached: Int
    public let total: Int

    public init(toggle: String, reached: Int, total: Int) {
        self.toggle = toggle
        self.reached = reached
        self.total = total
    }
}
