/// A cluster's own verdict (`CLUSTER INFO`): its state and how many of the 16,384 slots are
/// served. A plain value, made by the Server pane's feed.
public struct ClusterHealth: Hashable, Sendable {
    /// "ok" or "fail".
    public var state: String
    public var slotsAssigned: Int
    public var slotsOK: Int
    public var slotsPFail: Int
    public var slotsFail: Int
    public var knownNodes: Int

    public static let slotCount = 16_384

    public init(state: String, slotsAssigned: Int, slotsOK: Int, slotsPFail: Int = 0, slotsFail: Int = 0, knownNodes: Int = 0) {
        self.state = state
        self.slotsAssigned = slotsAssigned
        self.slotsOK = slotsOK
        self.slotsPFail = slotsPFail
        self.slotsFail = slotsFail
        self.knownNodes = knownNodes
    }

    /// Every slot assigned and served, and the cluster says ok.
    public var isHealthy: Bool { state == "ok" && slotsOK == Self.slotCount }
}
