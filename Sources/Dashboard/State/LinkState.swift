import Foundation

/// One database's connection as the panes it feeds see it, when the panes read different
/// databases (`AppState.links`): each pane shows its own database's state, and one that is
/// down leaves the others updating. A plain value, owned by `AppState`.
public struct LinkState: Hashable, Sendable {
    /// The panes this database feeds (kinds sharing an endpoint share one link).
    public var panes: Set<Pane>
    public var connection: ConnectionState = .connecting
    /// What the last failed poll said went wrong and what to do, until a poll succeeds.
    public var problem: String?
    /// When a poll of this database last succeeded.
    public var lastPollAt: Date?
    public var commandsPerSecond: Double?
    /// "live" or "polling (why)", as the poller reports it.
    public var updateMode: String?
    /// Parts this database's ACL refuses.
    public var notPermitted: [DataPart: String] = [:]

    public init(panes: Set<Pane>) {
        self.panes = panes
    }
}
