/// Another opsdeck connected to the same Redis, from its connection's name
/// (`opsdeck:<user>@<host>`, plus what it is doing, e.g. `:flipping:<toggle>`). A plain value,
/// made by the Server pane's feed.
public struct Peer: Hashable, Sendable {
    /// Who, e.g. "alice@box".
    public var who: String
    /// The toggle whose flip dialog it has open, if any.
    public var flipping: String?
    /// Where it connects from (`CLIENT LIST`'s addr).
    public var address: String
    /// Seconds since its connection last ran a command.
    public var idle: Int

    public init(who: String, flipping: String? = nil, address: String, idle: Int = 0) {
        self.who = who
        self.flipping = flipping
        self.address = address
        self.idle = idle
    }
}
