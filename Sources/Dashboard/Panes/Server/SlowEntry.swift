import Foundation

/// One slow-log entry as the Server pane shows it: when, how long, and the command's name
/// only. Its arguments are never kept (they may hold session data or secrets), only counted.
/// A plain value, made by the Server pane's feed.
public struct SlowEntry: Hashable, Sendable {
    public var id: Int
    public var time: Date
    public var micros: Int
    /// The command's name, upper-cased ("HGETALL").
    public var command: String
    /// How many arguments followed the name (shown masked: `‹2 args›`).
    public var argumentCount: Int
    /// Which server logged it (a cluster's master).
    public var server: String

    public init(id: Int, time: Date, micros: Int, command: String, argumentCount: Int, server: String) {
        self.id = id
        self.time = time
        self.micros = micros
        self.command = command
        self.argumentCount = argumentCount
        self.server = server
    }
}
