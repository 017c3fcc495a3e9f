/// How far a walk that discovers keys (the toggles' discovery) has got: the keys it has looked
/// at so far and the database's size (`DBSIZE`) as an estimate of how many it will. A plain
/// `Sendable` value made on the poller's queue and shown on the main queue.
public struct DiscoveryProgress: Hashable, Sendable {
    /// Keys SCAN returned so far.
    public var scanned: Int
    /// About how many keys there are to look at; nil when unknown.
    public var estimate: Int?
    /// The walk finished: nothing more to show.
    public var isComplete: Bool

    public init(scanned: Int, estimate: Int?, isComplete: Bool = false) {
        self.scanned = scanned
        self.estimate = estimate
        self.isComplete = isComplete
    }

    /// `discovering… 200,000 keys of ~1,100,000`.
    public var label: String {
        var text = "discovering… " + Formatting.count(scanned) + " keys"
        if let estimate, estimate >= scanned { text += " of ~" + Formatting.count(estimate) }
        return text
    }
}
