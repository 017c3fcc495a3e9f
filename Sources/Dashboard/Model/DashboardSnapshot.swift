/// What one poll brings. A plain `Sendable` value, made on the poller's queue and handed to the
/// main queue inside `Message.pollSucceeded`.
///
/// It holds what concerns the dashboard as a whole (the connection, the server line, the ACL)
/// and one typed part per pane that was read (`PanePart`): each pane's feed makes its part and
/// the pane's own code applies it, so no field here belongs to one pane. A missing part or a
/// nil field means "not fetched this poll, keep what you have".
public struct DashboardSnapshot: Hashable, Sendable {
    /// The panes this snapshot's database feeds, when the panes read different databases
    /// (nil: one database feeds them all). Parts of other panes are absent from it.
    public var panes: Set<Pane>?
    /// Set on a part of a poll handed over early (`PollSource.poll(_:early:)`): the panes whose
    /// reads it completes. Only they count as polled; the poll's time, its duration and the
    /// other panes come with its last part (nil here: a whole poll, or its last part).
    public var covers: Set<Pane>?
    /// Each pane's part of this poll, by pane; applied in tab order.
    public var parts: [Pane: AnyPanePart] = [:]
    public var server: ServerInfo?
    public var commandsPerSecond: Double?
    /// The deployment's shape ("cluster · 3 masters", "sentinel mymaster → host:port"); "" for
    /// one server; nil when this snapshot does not say.
    public var topology: String?
    /// A failover or a topology change since the last poll, said on screen.
    public var deploymentEvents: [String] = []
    /// Parts the server's ACL refuses, with what they need; nil when unchanged since the last poll.
    public var notPermitted: [DataPart: String]?
    /// How changes arrive ("live", "polling (CLIENT not permitted (ACL))"); nil when unchanged.
    public var updateMode: String?

    public init(
        _ parts: [any PanePart] = [], server: ServerInfo? = nil, commandsPerSecond: Double? = nil,
        notPermitted: [DataPart: String]? = nil
    ) {
        for part in parts { self.parts[type(of: part).pane] = AnyPanePart(part) }
        self.server = server
        self.commandsPerSecond = commandsPerSecond
        self.notPermitted = notPermitted
    }

    /// The part of type `P`, when this poll read it; setting nil (or an empty part) removes it.
    public subscript<P: PanePart>(_ type: P.Type) -> P? {
        get { parts[P.pane]?.base as? P }
        set {
            if let newValue, newValue != P() { parts[P.pane] = AnyPanePart(newValue) } else { parts[P.pane] = nil }
        }
    }

    /// The part of type `P`, or `empty` when this poll did not read it (to fill it in).
    public subscript<P: PanePart>(_ type: P.Type, default empty: @autoclosure () -> P) -> P {
        get { self[P.self] ?? empty() }
        set { self[P.self] = newValue }
    }
}
