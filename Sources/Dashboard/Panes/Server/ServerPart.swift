import Foundation

/// The Server pane's part of a poll, for one database (`ServerPaneFeed` makes it): its
/// servers, the cluster's verdict, the newest slow-log entries and the other opsdeck users.
/// A nil field: not read this poll (not due, or the ACL refused it). Applied to
/// `AppState.serverPane` on the main queue.
public struct ServerPart: PanePart {
    public static var pane: Pane { .server }

    /// Which database this part describes when the panes read different ones ("toggles,
    /// sessions"); "" for one database.
    public var database = ""
    /// Set by the feed when it ran, so a part whose every read was refused still arrives
    /// (the pane then says what the ACL refuses instead of "Connecting…").
    public var checked = false
    public var nodes: [ServerNode]?
    public var cluster: ClusterHealth?
    /// Newest first.
    public var slowLog: [SlowEntry]?
    public var peers: [Peer]?
    /// Parts that failed for another reason than the ACL (a command renamed away, a server
    /// error), with the error: said in their place, the rest of the poll unharmed.
    public var failures: [DataPart: String] = [:]

    public init() {}

    public init(
        database: String = "", nodes: [ServerNode]? = nil, cluster: ClusterHealth? = nil,
        slowLog: [SlowEntry]? = nil, peers: [Peer]? = nil
    ) {
        self.database = database
        checked = true
        self.nodes = nodes
        self.cluster = cluster
        self.slowLog = slowLog
        self.peers = peers
    }

    /// Off screen nothing of it is shown but the flip dialog's "others flipping" (issue 28: a
    /// hidden Server pane's stats, read every 2 s, drew a frame that changed no cell each time).
    public func changesNothingShown(in state: AppState) -> Bool {
        self == Self() || !state.visiblePanes.contains(.server) && state.dialog == nil
    }

    public func apply(to state: inout AppState, at: Date) -> PartOutcome {
        state.serverPane.take(self)
        return PartOutcome()
    }
}
