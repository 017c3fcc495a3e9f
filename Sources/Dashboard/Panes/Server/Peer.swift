/// Another opsdeck dashboard connected to the same Redis, from its connections' name
/// (`opsdeck:<user>@<host>:<instance>`, plus what it is doing, e.g. `:flipping:<toggle>`): one
/// per dashboard, however many connections it holds. A plain value, made by the Server
/// pane's feed.
public struct Peer: Hashable, Sendable {
    /// Who, e.g. "alice@box".
    public var who: String
    /// Which of `who`'s dashboards (its process id).
    public var instance: String
    /// The toggle whose flip dialog it has open, if any.
    public var flipping: String?
    /// Where it connects from (`CLIENT LIST`'s addr).
    public var address: String
    /// Seconds since its connection last ran a command.
    public var idle: Int

    public init(who: String, instance: String = "", flipping: String? = nil, address: String, idle: Int = 0) {
        self.who = who
        self.instance = instance
        self.flipping = flipping
        self.address = address
        self.idle = idle
    }
}
